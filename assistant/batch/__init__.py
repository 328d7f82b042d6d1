"""Batch analysis: the same fields from many case files, one row per case, every value cited; XLSX/CSV/JSONL."""
