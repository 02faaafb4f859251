"""The ``reader`` command line: the app with no arguments, subcommands for scripting.

Each command group lives in its own module with a ``register(subparsers)`` function that
adds its parsers and sets ``handler(args, ctx) -> int`` as the default ``func``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any

from reader import __version__
from reader.cli.command_help import document
from reader.cli.context import Context, UsageError, err, visible_output
from reader.config import ConfigError
from reader.search.index_folder import IndexFolderError
from reader.search.write_lock import IndexBusy

# The commands of each module, in the order of the help: a command line that names one of
# them imports only its module (a search does not load bookmarks or the link commands).
COMMANDS: dict[str, tuple[str, ...]] = {
    "reader.cli.core_commands": ("index", "search", "show"),
    "reader.cli.analysis_commands": ("analyze", "entities"),
    "reader.cli.bookmark_commands": ("bookmarks",),
    "reader.cli.quote_commands": ("quote",),
    "reader.cli.link_commands": ("timeline", "related", "compare"),
    "reader.cli.event_commands": ("event", "story"),
    "reader.cli.statement_commands": ("statements", "coverage"),
    "reader.cli.ingest_commands": ("add", "feeds"),
    "reader.cli.config_commands": ("config",),
}
COMMAND_MODULES: tuple[str, ...] = tuple(COMMANDS)


def _global_options(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """``--config`` and ``--corpus``; on a command's parser (``after_command``) they leave
    the values given before the command alone unless given again."""
    unset: dict[str, Any] = {"default": argparse.SUPPRESS} if after_command else {}
    taken = parser._option_string_actions  # a command's own option of that name wins
    if "--config" not in taken:
        parser.add_argument("--config", metavar="FILE", help="config file (see README)", **unset)
    if "--corpus" not in taken:  # `reader add --corpus DIR` names where pages are stored
        parser.add_argument(
            "--corpus",
            metavar="PATH",
            action="append",
            help="corpus file or folder; repeat for several (replaces the config's corpus)",
            **unset,
        )


def _commands_take_global_options(sub: argparse._SubParsersAction) -> None:
    """Every command (and sub-command) accepts the global options after its name too:
    ``reader search Putin --corpus seeds``."""
    for command in set(sub.choices.values()):
        _global_options(command, after_command=True)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _commands_take_global_options(action)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or only ``command``'s module's commands."""
    modules = [m for m, names in COMMANDS.items() if command in names] or COMMAND_MODULES
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read, search and compare news coverage of the same events. "
        "With no command, opens the reader app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    _commands_take_global_options(sub)
    document(parser)
    return parser


def _app_only(argv: list[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no command: the app then starts without
    importing the command modules (and the search engine behind them)."""
    parser = argparse.ArgumentParser(add_help=False)
    _global_options(parser)
    known, rest = parser.parse_known_args(argv)
    return None if rest else known


def _command_named(argv: list[str]) -> str | None:
    """The first word of ``argv`` that is not a global option or its value."""
    takes_value = {"--config", "--corpus"}
    words = iter(argv)
    for word in words:
        if word in takes_value:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _app_only(arguments)
    if args is None:
        args = build_parser(_command_named(arguments)).parse_args(arguments)
    ctx = Context(config_path=args.config, corpus=args.corpus)
    if getattr(args, "command", None) is None:
        from reader.cli.app_command import run_app

        return _guarded(lambda: run_app(ctx))  # the app owns the terminal: no wrapper
    try:
        with visible_output():  # article text and file names cannot drive the terminal
            return _guarded(lambda: int(args.func(args, ctx) or 0))
    finally:
        ctx.close()


def _guarded(run: Callable[[], int]) -> int:
    """Run a command; a usage or config error is one line (control characters visible)."""
    try:
        return run()
    except (ConfigError, UsageError, IndexBusy, IndexFolderError) as exc:
        err(f"reader: {exc}")
        return 2
    except KeyboardInterrupt:
        err("reader: interrupted")
        return 130
    except BrokenPipeError:
        return 0
