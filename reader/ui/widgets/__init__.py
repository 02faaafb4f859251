"""Widgets of the reader app (panes, lists, boxes)."""
