"""View logic without Textual: text made visible, find, history, hit order, the library,
entity, bookmark and timeline rows, the remembered state. Nothing here imports Textual."""
