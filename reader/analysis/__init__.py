"""Text analysis: tokens, entity and date spans, related passages, the timeline.

Nothing here imports Textual; everything is computed at index time or on demand and stored.
"""
