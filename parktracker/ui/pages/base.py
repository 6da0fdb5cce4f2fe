"""What every page of the main window offers the window: a title, a record count, and the
Edit menu's Add / Edit / Delete / Find, routed to whichever page is showing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.storage.errors import StorageError
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text

if TYPE_CHECKING:  # the export machinery (as-of figures, chart data) loads on first export
    from parktracker.services.changes import Changes
    from parktracker.services.export import TableExport
    from parktracker.services.history import RecordRef


class Page(QWidget):
    """Base of the pages in the navigation. Subclasses override what they support."""

    count_changed = Signal(int)  # the record count shown in the status bar
    actions_changed = Signal()  # selection changed: Edit/Delete may become (un)available

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.changed.connect(self.on_data_changed)

    def title(self) -> str:
        raise NotImplementedError

    def record_count(self) -> int | None:
        """Records shown on the page (None: the page shows no list)."""
        return None

    def can_add(self) -> bool:
        return False

    def can_edit(self) -> bool:
        return False

    def can_delete(self) -> bool:
        return False

    def add(self) -> None:
        """Edit → Add (Ctrl+N on a page)."""

    def edit(self) -> None:
        """Edit → Edit (F2 / Enter)."""

    def delete(self) -> None:
        """Edit → Delete (Del): asks for confirmation; undoable."""

    def focus_search(self) -> None:
        """Edit → Find (Ctrl+F): focus the page's search box."""

    def can_export(self) -> bool:
        """Whether File → Export → Current Table applies to this page (cheap: asked often)."""
        return False

    def export_request(self) -> TableExport | None:
        """File → Export → Current Table: the kind of records shown and which (None: this page
        has no table to export)."""
        return None

    def history_record(self) -> tuple[RecordRef, str] | None:
        """Edit → History: the record selected on the page, and its name (None: no record)."""
        return None

    def print_table(self) -> tuple[str, str, QAbstractItemModel] | None:
        """File → Print: (title, summary line, the model as shown) for a page whose table is
        what to print; None prints the page as drawn (:meth:`print_widget`)."""
        return None

    def print_widget(self) -> QWidget:
        """What File → Print draws when the page has no table to print."""
        return self

    def on_data_changed(self, changes: Changes) -> None:
        """Refresh what ``changes`` touch; called after every write, undo and redo."""

    def save_state(self) -> dict[str, object]:
        """Column widths, splitter sizes... for QSettings."""
        return {}

    def restore_state(self, state: dict[str, object]) -> None:
        """Restore what :meth:`save_state` returned."""

    def keep_for_next_start(self) -> bool:
        """At close: keep in the file what makes the next start quicker (the dashboard: its
        cards' figures). Returns whether anything was kept; most pages keep nothing."""
        return False

    # ---------------------------------------------------------------- helpers for subclasses
    def confirm_delete(self, what: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            fill(self.tr("Delete %1? You can undo this with Edit → Undo."), (what,)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def run(self, text: str, action: Callable[[Any], object]) -> bool:
        """Perform a write through the session, explaining any refusal; True when done."""
        from parktracker.domain.validation import ValidationError  # not on the way to the window

        try:
            self.session.perform(text, action)
        except ValidationError as exc:
            QMessageBox.warning(
                self, self.tr("Not possible"), "\n".join(p.render(qt_tr) for p in exc.problems)
            )
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return False
        return True
