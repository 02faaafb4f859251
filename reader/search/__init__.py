"""Full-text search: the Whoosh schema, the article store beside it, indexing and queries."""
