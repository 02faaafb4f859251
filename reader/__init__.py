"""reader: a keyboard-first terminal reader for news coverage of one story by several outlets."""

__version__ = "0.1.0"
