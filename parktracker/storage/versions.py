"""The schema version this build reads and writes (kept free of heavy imports)."""

SCHEMA_VERSION = 7
