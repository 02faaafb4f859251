"""Feeds in the app: ``R`` updates the feeds the user follows (``reader feeds add URL``)."""
