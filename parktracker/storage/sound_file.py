"""The consistency rules of ``check``, answered only for a sound file, and run while SQLite
checks it.

SQLite's ``integrity_check`` reads the whole file on one core (about 8.5 s at 750 MiB).
Reading every value and running the rules takes about 4 s more on the same connection, so on
a file the check runs in a thread of its own, on a read-only connection of its own (Python's
sqlite3 lets go of the interpreter lock while a statement runs), and the caller's connection
reads the values and runs the rules meanwhile. Their answer counts only once the check has
found the file sound: on a damaged file the rules may read damaged pages, and the check's
first finding is what the user hears, as before.

A connection in the middle of a transaction, a database that is not a file, and a file that
another connection cannot open run the check first, on the caller's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import TypeVar

from parktracker.storage.database import Database, _one_line, open_reader
from parktracker.storage.errors import DatabaseDamaged, ForeignSchema
from parktracker.storage.integrity import sqlite_problems, tampering, unreadable_values

T = TypeVar("T")

CANCEL_POLL_SECONDS = 0.05


def while_checking(db: Database, rules: Callable[[], T]) -> T:
    """``rules()`` on ``db``, once the file is known to be sound.

    Raises :class:`DatabaseDamaged` naming the first damage that ``integrity_check`` or
    reading every value finds, or :class:`~parktracker.storage.errors.ForeignSchema` for
    schema parts ParkTracker did not create, as opening such a file raises them."""
    check = _BackgroundCheck.start(db)
    foreign: ForeignSchema | None = None
    failure: Exception | None = None
    answer: list[T] = []
    try:
        unreadable = [] if check.problems else unreadable_values(db, limit=1)
        if not unreadable and not check.problems:
            try:
                foreign = tampering(db)
                if foreign is None:
                    answer.append(rules())
            except Exception as exc:  # raised below once the file is known sound
                # Damaged pages can make the rules fail in any way (a stage text that is no
                # stage raises ValueError): on a damaged file the check's finding is said.
                failure = exc
        problems = check.finish()
    except BaseException:
        check.cancel()
        raise
    first = problems or unreadable
    if first:
        raise DatabaseDamaged(db.path, _one_line(first[0]))
    if foreign is not None:
        raise foreign
    if failure is not None:
        raise failure
    return answer[0]  # the rules ran: nothing above stopped them


class _BackgroundCheck:
    """``integrity_check`` in a thread on a read-only connection of its own, or, where that
    cannot be, already run on the caller's connection (``problems`` then holds its answer)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.problems: list[str] = []
        self._answer: list[str] | None = None
        self._error: BaseException | None = None
        self._reader: sqlite3.Connection | None = None  # while the check runs
        self._lock = threading.Lock()  # no interrupt() while the reader closes
        self._thread: threading.Thread | None = None

    @classmethod
    def start(cls, db: Database) -> _BackgroundCheck:
        check = cls(db)
        if not db.readers_see_the_same():
            check.problems = sqlite_problems(db)  # what another connection would not see
            return check
        check._thread = threading.Thread(
            target=check._run, name="parktracker-integrity-check", daemon=True
        )
        check._thread.start()
        return check

    def _run(self) -> None:
        try:
            reader = open_reader(self.db.path)
        except Exception:  # finish() runs the check on the caller's connection
            return
        self._reader = reader.conn
        try:
            self._answer = sqlite_problems(reader)
        except BaseException as exc:  # handed to the caller's thread by finish()
            self._error = exc
        finally:
            with self._lock:
                self._reader = None
                reader.close()

    def finish(self) -> list[str]:
        """What the check found (empty: the file is sound)."""
        if self._thread is None:
            return self.problems
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._answer is None:  # the thread could not open the file
            self._answer = sqlite_problems(self.db)
        return self._answer

    def cancel(self) -> None:
        """Stop the check (the caller failed or was interrupted) and wait for its thread."""
        if self._thread is None:
            return
        # Again until the thread ends: an interrupt that comes before the connection is open
        # or before the check's statement has started is forgotten by SQLite.
        while self._thread.is_alive():
            with self._lock:
                if self._reader is not None:
                    self._reader.interrupt()
            self._thread.join(CANCEL_POLL_SECONDS)
