"""The base of every entry form: fields with their messages beside them, Save enabled only
when the record is valid, and a question before unsaved edits are thrown away.

A subclass adds its fields with :meth:`FormDialog.add_field`, builds the record in
:meth:`build` (raising nothing: parse errors come from the field widgets), lists the domain
problems in :meth:`problems` and stores the record in :meth:`store` (through the session, so
it can be undone). Messages are shown in the UI language next to the field they concern.

A required field that starts empty does not complain before the user has been there: its
"此项为必填项" appears once it was edited or left, or when the user tries to save, while Save
stays disabled all along. Every other message shows at once.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.i18n_markers import fill
from parktracker.domain.plausibility import Reference
from parktracker.domain.validation import M_REQUIRED, Problem, Severity, ValidationError
from parktracker.storage.errors import StorageError
from parktracker.ui.confirm_amount import confirm_amount
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text
from parktracker.ui.widgets.amount_edit import AmountEdit

ERROR_STYLE = "color:#b42318;"
_NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
WARNING_STYLE = "color:#b54708;"


class FormDialog(QDialog):
    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(self.form)
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        # Enter means Save, and nothing while Save is disabled: Qt would otherwise make Cancel
        # the default button then, and Enter would throw the form away.
        cancel.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._initial: Any = None
        self._quiet: set[str] = set()  # started empty and not visited yet
        self._field_start: dict[str, Any] = {}
        self._labels: dict[str, str] = {}
        self._why_not: list[str] = []  # what keeps Save disabled (its tooltip)
        self._watched: dict[QObject, str] = {}
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self, self._save)

    # ---------------------------------------------------------------- building the form
    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a labelled field with a message line beneath it; edits re-validate the form."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = QLabel(holder)
        message.setWordWrap(True)
        message.setObjectName(f"message_{name}")
        message.hide()
        box.addWidget(message)
        self.form.addRow(label, holder)
        label_widget = self.form.labelForField(holder)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(widget)
        self.fields[name] = widget
        self.messages[name] = message
        self._labels[name] = plain_label(label)
        for part in (widget, getattr(widget, "line", None)):  # AmountEdit: its line edit
            if isinstance(part, QWidget):
                part.installEventFilter(self)
                self._watched[part] = name
        for signal_name in (
            "edited",
            "textChanged",
            "currentIndexChanged",
            "toggled",
            "dateChanged",
        ):
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(self.revalidate)
                break
        return widget

    def finish(self) -> None:
        """Call at the end of the subclass constructor: records the starting state."""
        self._initial = self.state()
        self._field_start = {name: _widget_state(w) for name, w in self.fields.items()}
        self._quiet = {name for name, start in self._field_start.items() if _is_empty(start)}
        self.revalidate()

    # ---------------------------------------------------------------- subclass hooks
    def state(self) -> Any:
        """A comparable snapshot of what the fields hold (for the unsaved-changes question)."""
        return tuple(_widget_state(w) for w in self.fields.values())

    def field_errors(self) -> dict[str, str]:
        """Problems the field widgets themselves find (e.g. an amount that is not a number)."""
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            error = getattr(widget, "error", None)
            if callable(error):
                text = error()
                if text:
                    out[name] = str(text)
        return out

    def problems(self) -> list[Problem]:
        """Domain problems of the record as built from the fields."""
        return []

    def store(self) -> None:
        """Save the record through ``self.session.perform``; raise to keep the form open."""
        raise NotImplementedError

    # ---------------------------------------------------------------- behaviour
    @property
    def dirty(self) -> bool:
        return bool(self.state() != self._initial)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and watched in self._watched
            # Another window, a menu or a message box taking the focus is not leaving.
            and event.reason() not in _NOT_LEAVING
        ):
            name = self._watched[watched]
            QTimer.singleShot(0, self, lambda: self._left(name))
        return super().eventFilter(watched, event)

    def _left(self, name: str) -> None:
        """The focus went somewhere: a visit, unless it stayed within the field (an amount's
        unit box)."""
        field = self.fields.get(name)
        focus = QApplication.focusWidget()
        if field is None or (focus is not None and (focus is field or field.isAncestorOf(focus))):
            return
        if name in self._quiet:
            self._quiet.discard(name)
            self.revalidate()

    def revalidate(self) -> bool:
        for name in list(self._quiet):  # edited fields speak up from now on
            if _widget_state(self.fields[name]) != self._field_start.get(name):
                self._quiet.discard(name)
        self._why_not = []
        for message in self.messages.values():
            message.hide()
        self.general_error.hide()
        self.general_error.clear()
        errors = self.field_errors()
        for name, text in errors.items():
            # An empty field's own complaint can only be that it is required; a date on its
            # way ("2024-0") says its problem once the user leaves it.
            incomplete = getattr(self.fields[name], "incomplete", None)
            typing = callable(incomplete) and bool(incomplete())
            self._show(name, text, ERROR_STYLE, required=name in self._quiet, hold=typing)
        blocking = bool(errors)
        if not errors:
            for problem in self.problems():
                text = problem.render(qt_tr)
                style = ERROR_STYLE if problem.severity is Severity.ERROR else WARNING_STYLE
                self._show(problem.field, text, style, required=problem.message == M_REQUIRED)
                blocking = True  # a warning blocks until its reason is given
        self.save_button.setEnabled(not blocking and not self.session.readonly)
        if self.session.readonly:
            self.save_button.setToolTip(self.tr("Read-only: changes cannot be saved."))
        elif blocking:
            self.save_button.setToolTip(
                self.tr("Not ready to save:") + "\n" + "\n".join(self._why_not)
            )
        else:
            self.save_button.setToolTip("")
        return not blocking

    def _show(
        self, field: str, text: str, style: str, *, required: bool = False, hold: bool = False
    ) -> None:
        label = self._labels.get(field)
        self._why_not.append(fill(self.tr("%1: %2"), (label, text)) if label else text)
        if hold or (required and field in self._quiet):
            return  # not before the user has been there, or while still typing
        message = self.messages.get(field)
        if message is None:
            current = self.general_error.text()
            self.general_error.setText(f"{current}\n{text}" if current else text)
            self.general_error.show()
            return
        message.setText(text)
        message.setStyleSheet(style)
        message.show()

    def _save(self) -> None:
        if not self.save_button.isEnabled() or not self.revalidate():
            self._quiet.clear()  # an attempt to save: say what is missing
            self.revalidate()
            return
        self.general_error.hide()
        if not self.confirm_amounts():
            return
        try:
            self.store()
        except ValidationError as exc:
            for problem in exc.problems:
                self._show(problem.field, problem.render(qt_tr), ERROR_STYLE)
            return
        except StorageError as exc:
            # Nothing was written; the form keeps what the user typed so it can be retried.
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return
        self._initial = self.state()
        self.accept()

    def reject(self) -> None:
        if self.dirty and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.dirty and not self._confirm_discard():
            event.ignore()
            return
        self._initial = self.state()
        super().closeEvent(event)

    def amount_reference(self, name: str) -> Reference | None:
        """What the amount field ``name`` is compared with before saving (the fat-finger
        question); by default the field's own ``reference``, which a form sets from a
        service."""
        return getattr(self.fields.get(name), "reference", None)

    def confirm_amounts(self) -> bool:
        """Ask before saving each amount 100 times or more above its reference figure; a
        "no" puts the cursor back in that field."""
        for name, widget in self.fields.items():
            value = getattr(widget, "value", None)
            if not isinstance(widget, AmountEdit) or not callable(value):
                continue
            amount = widget.value()
            what = self._labels.get(name, "")
            if not confirm_amount(self, what, amount, self.amount_reference(name), widget.unit):
                widget.setFocus()
                return False
        return True

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("This form has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def plain_label(label: str) -> str:
    """A field label without its mnemonic: ``名称(&N)`` → ``名称``, ``&Name`` → ``Name``."""
    label = re.sub(r"\s*\(&[^&]\)", "", label)
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _is_empty(state: Any) -> bool:
    """An empty text box or amount (other widgets, e.g. grids, are never taken for empty)."""
    if isinstance(state, tuple):  # an amount: (text, unit)
        return bool(state) and _is_empty(state[0])
    return isinstance(state, str) and not state.strip()


def _widget_state(widget: QWidget) -> Any:
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    line = getattr(widget, "line", None)  # AmountEdit: the text as typed, and its unit
    if isinstance(line, QLineEdit):
        return (line.text(), getattr(widget, "unit", None))
    value = getattr(widget, "value", None)
    return value() if callable(value) else None
