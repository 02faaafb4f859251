"""Modal screens: compare two passages, help, the bookmark dialog."""
