"""Storage layer: the only package that speaks SQL (sqlite3 / sqlite-utils)."""
