"""Bringing coverage in from the web: fetching pages (:mod:`.fetch`) and storing them as
Markdown articles (:mod:`.store`). Sits above the library: it writes corpus files, then the
caller brings the index up to date. Imports no UI."""
