"""Who said what: the coverage pane (statement groups × outlets), the speaker pane, and
the statements of the passage being read (marked in the text, listed under it)."""

COVERAGE = ("coverage", "Coverage")
"""The coverage pane's id and title in the sidebar."""
SPEAKERS = ("speakers", "Speakers")
"""The speaker pane's id and title in the sidebar."""
STATEMENT_LAYER = "statements"
"""The reading pane's layer that marks speakers and cues."""
