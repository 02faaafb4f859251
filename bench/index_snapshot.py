"""What an index holds, to compare two builds of the same corpus (issue 18: the analysis and
the index must not change when the build gets faster).

    python bench/index_snapshot.py dump CORPUS INDEX_DIR OUT.json [FIELD,FIELD...]
    python bench/index_snapshot.py compare BEFORE.json AFTER.json

``dump`` writes every article's stored analysis (dates, entities, statements) and every
term's postings by passage id (weight and value) of the fields text, title, source, date and
entity, with each passage's field lengths; ``compare`` says whether two dumps agree, part
by part, and shows the first difference. Exit status 1 when they differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from reader.config import Config
from reader.library import ANALYSIS, Library

FIELDS = ("text", "title", "source", "date", "entity")


def dump(corpus: Path, index: Path, fields: tuple[str, ...] = FIELDS) -> dict[str, Any]:
    library = Library(Config(corpus=[corpus], index_dir=index))
    store = library.store
    ids = sorted(s.id for s in library.summaries())
    analysis = {}
    for aid in ids:
        row = store.get_analysis(aid, ANALYSIS)
        analysis[aid] = row[1] if row else None
    reader = library.index.reader()
    pids = {docnum: stored["pid"] for docnum, stored in reader.iter_docs()}
    terms: dict[str, list[Any]] = {}
    for name, text in reader.all_terms():
        if name not in fields:
            continue
        matcher = reader.postings(name, text)
        docs = []
        while matcher.is_active():
            docs.append((pids[matcher.id()], matcher.weight(), repr(matcher.value())))
            matcher.next()
        terms[f"{name}:{text!r}"] = sorted(docs)
    lengths = {pids[d]: [reader.doc_field_length(d, f) for f in FIELDS] for d in pids}
    counts = {"live": reader.doc_count(), "entity_length": reader.field_length("entity")}
    reader.close()
    library.close()
    return {"analysis": analysis, "terms": terms, "lengths": lengths, "counts": counts}


def compare(before: dict[str, Any], after: dict[str, Any]) -> bool:
    same = True
    for part in ("analysis", "terms", "lengths", "counts"):
        a, b = before[part], after[part]
        keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        print(f"{part}: {len(a)} / {len(b)} entries, {len(keys)} differ")
        if keys:
            same = False
            print(f"  first: {keys[0]}\n  before {a.get(keys[0])}\n  after  {b.get(keys[0])}")
    return same


def main() -> None:
    if sys.argv[1:2] == ["dump"] and len(sys.argv) in (5, 6):
        fields = tuple(sys.argv[5].split(",")) if len(sys.argv) == 6 else FIELDS
        data = dump(Path(sys.argv[2]), Path(sys.argv[3]), fields)
        Path(sys.argv[4]).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        print(f"{len(data['analysis'])} articles, {len(data['terms'])} terms")
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        load = [json.loads(Path(p).read_text(encoding="utf-8")) for p in sys.argv[2:4]]
        sys.exit(0 if compare(*load) else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
