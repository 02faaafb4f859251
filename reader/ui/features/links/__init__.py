"""Links between passages: the timeline pane and the related strip.

The names here are what the main screen needs before either module is imported (the first
screen does without them)."""

TIMELINE = ("timeline", "Timeline")
"""The timeline pane's id and title in the sidebar."""
LINK_ACTIONS = frozenset({"related_step", "compare", "other_source"})
"""Commands that follow links between passages."""
