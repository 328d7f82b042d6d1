"""Summaries and drafts (Vermerk, Kurzfassung, Stichpunkte): map-reduce over all passages, verified sources,
exported as DOCX and Markdown."""
