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
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read, search and compare news coverage of the same events.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--config", metavar="FILE", help="config file (see README)")
    parser.add_argument(
        "--corpus", metavar="PATH", action="append",
        help="corpus file or folder; repeat for several (replaces the config's corpus)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(config_path=args.config, corpus=args.corpus)
    try:
        if args.command is None:
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
