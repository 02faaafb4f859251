"""Reusable widgets: reading pane, lists, sidebar, find bar, progress strip."""
