"""Names and dates: the per-article analysis, the entity pane, the legend and the
background enrichment."""
