"""预警规则设置: the thresholds of the warning lights, stored in the database so that every
officer who opens the file sees the same lights. Saving is one undoable step."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parktracker.domain.validation import ValidationError
from parktracker.domain.warnings import Thresholds
from parktracker.services.warnings import set_thresholds, thresholds
from parktracker.storage.errors import StorageError
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr, storage_error_text


class ThresholdsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(self.tr("Warning rules"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The lights follow these limits. They are stored in the database file, so"
                " everyone who opens it sees the same lights."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        current = thresholds(session.db)
        self.spins: dict[str, QSpinBox] = {}

        def spin(name: str, label: str, low: int, high: int, suffix: str) -> None:
            box = QSpinBox(self)
            box.setObjectName(name)
            box.setRange(low, high)
            box.setSuffix(suffix)
            box.setValue(int(getattr(current, name)))
            form.addRow(label, box)
            self.spins[name] = box

        points = self.tr(" points")
        months = self.tr(" months")
        spin("behind_yellow_points", self.tr("Yellow from (behind pace)"), 1, 100, points)
        spin("behind_red_points", self.tr("Red beyond (behind pace)"), 1, 100, points)
        spin(
            "start_overdue_red_months",
            self.tr("Red after, not started past the planned month"),
            1,
            60,
            months,
        )
        spin("signed_yellow_months", self.tr("Yellow after signing, not started"), 1, 120, months)
        spin("fund_paid_in_yellow_percent", self.tr("Yellow below fund paid-in"), 1, 100, " %")
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(self.restore_defaults)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not session.readonly)
        layout.addWidget(self.buttons)

    def limits(self) -> Thresholds:
        return Thresholds(**{name: box.value() for name, box in self.spins.items()})

    def restore_defaults(self) -> None:
        defaults = Thresholds()
        for item in dataclasses.fields(defaults):
            self.spins[item.name].setValue(int(getattr(defaults, item.name)))

    def save(self) -> None:
        limits = self.limits()
        try:
            self.session.perform(
                self.tr("Change warning rules"), lambda db: set_thresholds(db, limits=limits)
            )
        except ValidationError as exc:
            text = qt_tr(exc.problems[0].message) if exc.problems else ""
            QMessageBox.warning(self, self.tr("Not possible"), text)
            return
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), storage_error_text(exc))
            return
        self.accept()
