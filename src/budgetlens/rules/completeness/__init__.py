"""完整性 — the tables a document lists, must have, and the notes empty tables need."""
