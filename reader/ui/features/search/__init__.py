"""The search pane and the search it runs."""
