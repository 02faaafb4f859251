"""Bookmarks: the keeper (owner of the bookmarks file) and the pane."""
