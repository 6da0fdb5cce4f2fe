"""The open database as the GUI sees it: writes become undoable commands, and every change is
announced, by meaning (:class:`~parktracker.services.changes.Changes`), so pages refresh what it
touches.

Pages and forms never write directly: they call :meth:`Session.perform` with a service call.
The call runs while its row changes are recorded; the change set becomes one undo step on the
window's single QUndoStack. A failing call raises (ValidationError for the form to show, a
StorageError for a message) and leaves the database and the undo stack as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from parktracker.services.app_log import timed
from parktracker.services.handles import Database
from parktracker.storage.errors import DatabaseReadOnly, StorageError, WriteFailed

if TYPE_CHECKING:  # the undo machinery loads with the first write (~2.5 ms of the start)
    from parktracker.services.changes import Changes, Recording

T = TypeVar("T")


class Session(QObject):
    """One open database, its undo stack and its change notifications."""

    changed = Signal(object)  # Changes: what a write, undo or redo changed
    saved = Signal(object)  # datetime of the last successful write
    failed = Signal(object)  # StorageError raised by an undo or redo

    def __init__(
        self,
        db: Database,
        *,
        readonly_reason: str | None = None,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.demo = demo
        self.readonly_reason = readonly_reason if readonly_reason else None
        if db.readonly and self.readonly_reason is None:
            self.readonly_reason = ""
        self.undo_stack = QUndoStack(self)
        self.last_saved: dt.datetime | None = None
        self._replaying = False
        self._error: StorageError | None = None

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    def perform(self, text: str, action: Callable[[Database], T]) -> T:
        """Run ``action`` (a service call) as one undoable step named ``text``."""
        if self.readonly:
            raise DatabaseReadOnly(self.db.path)
        from parktracker.services import changes  # with the first write, not at start

        with timed(f"operation {text!r}"), changes.recorded(self.db) as recording:
            result = action(self.db)
        if recording:
            self.undo_stack.push(RecordedCommand(self, text, recording))
            self._announce(recording.changes)
        return result

    def announce(self, what: Changes) -> None:
        """Tell the pages that ``what`` changed outside :meth:`perform` (the number format,
        a file replaced under the window); nothing is saved."""
        self.changed.emit(what)

    def undo(self) -> None:
        self._step(self.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.undo_stack.redo)

    def _step(self, move: Callable[[], None]) -> None:
        if self.readonly:
            return
        index = self.undo_stack.index()
        self._error = None
        move()
        if self._error is not None:
            # The database rolled back; put the stack back where it was, without replaying.
            self._replaying = True
            try:
                self.undo_stack.setIndex(index)
            finally:
                self._replaying = False
            self.failed.emit(self._error)

    def _apply(self, recording: Recording, *, forward: bool) -> None:
        if self._replaying:
            return
        from parktracker.services import changes

        try:
            replayed = (changes.redo if forward else changes.undo)(self.db, recording)
        except StorageError as exc:
            self._error = exc
            return
        except Exception as exc:
            self._error = WriteFailed(self.db.path, str(exc))
            return
        self._announce(replayed)

    def _announce(self, what: Changes) -> None:
        self.last_saved = dt.datetime.now()
        self.saved.emit(self.last_saved)
        self.changed.emit(what)


class RecordedCommand(QUndoCommand):
    """An undo step holding the rows a service call changed; it was already done when pushed."""

    def __init__(self, session: Session, text: str, recording: Recording) -> None:
        super().__init__(text)
        self.session = session
        self.recording = recording
        self._done = True

    def redo(self) -> None:
        if self._done:  # QUndoStack.push calls redo(); the service call already ran
            self._done = False
            return
        self.session._apply(self.recording, forward=True)

    def undo(self) -> None:
        self.session._apply(self.recording, forward=False)
