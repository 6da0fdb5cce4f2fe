"""The storage types the UI holds and passes back to services without looking inside: the open
database, a read-only connection for a background thread, and who holds a database's lock. The
UI imports them from here, so it needs nothing from storage but its error types."""

from __future__ import annotations

from parktracker.storage.database import Database, open_reader
from parktracker.storage.lock import LockInfo

__all__ = ["Database", "LockInfo", "open_reader"]
