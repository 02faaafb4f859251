"""``reader`` with no subcommand: the terminal app."""

from __future__ import annotations

from reader.cli.context import Context


def run_app(ctx: Context) -> int:
    """Open the app on the configured corpus; config errors surface before the screen."""
    ctx.config  # noqa: B018 - load (and validate) the config before taking the terminal
    from reader.ui.app import ReaderApp

    app = ReaderApp(ctx)
    app.run()
    if "library" in vars(ctx):  # opened by the app (a cached property)
        ctx.library.close()
    return app.return_code or 0
