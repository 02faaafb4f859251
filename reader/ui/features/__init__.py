"""One folder per feature: its panes, its keeper (an invisible widget that owns the
feature's data) and its workers."""
