"""An item an outlet showed again is offered once by the palette's "Open:" entries, as the
library lists it once (issue 15 R11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import ui_support as ui

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

TITLE = "Festnahme-Foto von Venezuelas Präsident aufgetaucht"


async def test_the_palette_offers_an_item_shown_again_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    items = [
        {"id": f"welt-{n}", "source": "welt.de", "date": f"2026-01-0{n}T10:00", "title": TITLE,
         "text": "Das Foto zeigt den Präsidenten in Handschellen."}
        for n in (3, 4)
    ] + [
        {"id": "bild-1", "source": "bild.de", "date": "2026-01-03T11:00", "title": TITLE,
         "text": "Ein Foto zeigt den Präsidenten nach der Festnahme."}
    ]  # fmt: skip
    (corpus / "items.jsonl").write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
    )
    app = ui.make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Festnahme-Foto")
        await ui.until(
            pilot,
            lambda: any(p.startswith("Open:") for p in ui.palette_prompts(app)),
            "the palette's Open: entries",
        )
        await pilot.pause(0.3)
        opened = [p for p in ui.palette_prompts(app) if p.startswith("Open:")]
    assert len(opened) == 2  # welt's item once (shown on the 3rd and the 4th), bild's once
    assert sum("bild.de" in p for p in opened) == 1
    assert sum("welt.de" in p for p in opened) == 1
