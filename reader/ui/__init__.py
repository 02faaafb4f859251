"""The terminal app (Textual). Nothing outside ``reader.ui`` and ``reader.cli.app_command``
imports this package or Textual.

Modules without Textual imports (usable and testable from the core): ``text`` (control
characters made visible), ``find`` (find in article), ``history`` (back/forward stack),
``hit_order`` (n/N across articles), ``library_rows`` (the grouped, filtered library list),
``state`` (the remembered theme and recent queries).
"""
