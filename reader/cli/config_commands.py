"""``reader config show``: the effective config, key by key, and where each value came from."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reader.cli.context import Context, out, print_json
from reader.config import DEFAULT, Config, Origin

NAMES_SHOWN = 5  # gazetteer names in the text output before "…"


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser(
        "config",
        help="show the effective config and where each value came from",
        description="The config is the built-in defaults, then your config file over them "
        "(key by key), then --corpus. Reads no index.",
    )
    top.set_defaults(func=cmd_show, json=False)
    csub = top.add_subparsers(dest="config_command", metavar="ACTION")
    p = csub.add_parser("show", help="every key's value and where it came from (the default)")
    p.add_argument("--json", action="store_true", help="print the keys as JSON")
    p.set_defaults(func=cmd_show)


def effective(config: Config) -> dict[str, tuple[Any, Origin]]:
    """Every key of ``config`` with its value and origin, in the README's order; a mapping
    with no entries (``keys`` when nothing is remapped) is one key with ``{}``."""
    values: dict[str, Any] = {
        "corpus": [str(p) for p in config.corpus],
        "index_dir": str(config.resolved_index_dir()),
        "bookmarks": str(config.resolved_bookmarks()),
        "theme": config.theme,
        "search.limit": config.search_limit,
    }
    if not config.overrides:
        values["overrides"] = {}
    for article_id, fields in sorted(config.overrides.items()):
        values.update({f"overrides.{article_id}.{k}": v for k, v in fields.items()})
    values.update({f"entities.colors.{k}": v for k, v in config.entity_colors.items()})
    values["entities.gazetteer"] = config.gazetteer
    values["entities.gazetteer_file"] = config.gazetteer_file and str(config.gazetteer_file)
    if not config.keys:
        values["keys"] = {}
    values.update({f"keys.{k}": v for k, v in sorted(config.keys.items())})
    return {key: (value, config.origins.get(key, DEFAULT)) for key, value in values.items()}


def origin_json(origin: Origin) -> dict[str, Any]:
    """``{"from": "default"}``, ``{"from": "--corpus"}`` or ``{"from": FILE, "line": N}``."""
    if origin.file is None or origin.option:
        return {"from": str(origin)}
    return {"from": str(origin.file), "line": origin.line}


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    config = ctx.config
    keys = effective(config)
    if args.json:
        shown: dict[str, Any] = {}
        for key, (value, origin) in keys.items():
            # (a gazetteer entry may hold a date or another value JSON has no type for)
            shown[key] = {"value": json.loads(json.dumps(value, default=str))}
            shown[key].update(origin_json(origin))
        if config.inbox:
            shown["corpus"]["inbox"] = str(config.inbox)
        print_json({"file": config.path and str(config.path), "keys": shown})
        return 0
    out(f"config file: {config.path or 'none (the built-in defaults)'}")
    width = max(len(key) for key in keys)
    for key, (value, origin) in keys.items():
        where = str(origin)
        if key == "corpus" and config.inbox:
            where += f"; and the inbox of 'reader add' ({config.inbox})"
        out(f"{key:<{width}}  {_text(value)}  ({where})")
    return 0


def _text(value: Any) -> str:
    """A value on one line: a list of paths joined, a gazetteer as its count and names."""
    if value is None:
        return "(none)"
    if isinstance(value, list) and all(isinstance(v, dict) for v in value) and value:
        names = [str(entry.get("name")) for entry in value[:NAMES_SHOWN]]
        more = ", …" if len(value) > NAMES_SHOWN else ""
        noun = "entry" if len(value) == 1 else "entries"
        return f"{len(value)} {noun}: {', '.join(names)}{more}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "[]"
    return str(value)
