"""The terminal app (Textual). Nothing outside ``reader.ui`` and ``reader.cli.app_command``
imports this package or Textual.

Folders say what a file is: ``logic/`` holds the view logic without Textual (usable and
testable from the core), ``screens/`` the main screen, ``dialogs/`` the modal screens,
``widgets/`` the reusable widgets, and ``features/`` one folder per feature (library, search,
entities, bookmarks, links). Only ``app.py`` and the main screen import the main screen:
features get state pushed down and post messages (``messages.py``) up.
"""
