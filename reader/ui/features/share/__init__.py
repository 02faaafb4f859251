"""The article's URL and quotes: open the URL in the system browser, copy it or a quote of
the current passage (or of the highlighted bookmark) to the clipboard."""

SHARE_ACTIONS = frozenset({"open_url", "copy_url", "copy_quote"})
"""Commands that hand the article on (its URL, a quote) outside the app."""
