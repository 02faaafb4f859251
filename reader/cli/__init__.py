"""The ``reader`` command line: the app with no arguments, subcommands for scripting.

Each command group lives in its own module with a ``register(subparsers)`` function that
adds its parsers and sets ``handler(args, ctx) -> int`` as the default ``func``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.context import Context, UsageError
from reader.config import ConfigError

COMMAND_MODULES: tuple[str, ...] = (
    "reader.cli.core_commands",
    "reader.cli.analysis_commands",
    "reader.cli.bookmark_commands",
    "reader.cli.link_commands",
    "reader.cli.ingest_commands",
)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="config file (see README)")
    parser.add_argument(
        "--corpus", metavar="PATH", action="append",
        help="corpus file or folder; repeat for several (replaces the config's corpus)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read, search and compare news coverage of the same events. "
        "With no command, opens the reader app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _app_only(argv: list[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no command: the app then starts without
    importing the command modules (and the search engine behind them)."""
    parser = argparse.ArgumentParser(add_help=False)
    _global_options(parser)
    known, rest = parser.parse_known_args(argv)
    return None if rest else known


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _app_only(arguments)
    if args is None:
        args = build_parser().parse_args(arguments)
    ctx = Context(config_path=args.config, corpus=args.corpus)
    try:
        if getattr(args, "command", None) is None:
            from reader.cli.app_command import run_app

            return run_app(ctx)
        return int(args.func(args, ctx) or 0)
    except (ConfigError, UsageError) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
