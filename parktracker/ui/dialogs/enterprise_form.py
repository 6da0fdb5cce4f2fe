"""The enterprise form: name, park, tags (chain leader, little giant...), joined date, notes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from parktracker.domain.enums import EnterpriseTag
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Enterprise
from parktracker.domain.validation import M_REQUIRED, Problem, validate_enterprise
from parktracker.services.entities import add_enterprise, update_enterprise
from parktracker.services.entity_listing import enterprise_names_in_park
from parktracker.services.parks import list_parks
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog


class TagChecks(QWidget):
    """One check box per enterprise tag; ``value()`` is the set that is ticked."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[EnterpriseTag, QCheckBox] = {}
        for i, tag in enumerate(EnterpriseTag):
            box = QCheckBox(qt_tr(tag.text), self)
            box.setObjectName(f"tag_{tag.value}")
            box.toggled.connect(self.edited)
            # As wide as its text: a click in the empty part of the cell does not tick it.
            box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            layout.addWidget(box, i // 2, i % 2)
            self.boxes[tag] = box
        layout.setColumnStretch(2, 1)
        self.setFocusProxy(self.boxes[next(iter(EnterpriseTag))])

    def value(self) -> frozenset[EnterpriseTag]:
        return frozenset(tag for tag, box in self.boxes.items() if box.isChecked())

    def set_value(self, tags: frozenset[EnterpriseTag]) -> None:
        for tag, box in self.boxes.items():
            box.setChecked(tag in tags)


class EnterpriseForm(FormDialog):
    """Adds an enterprise (``enterprise`` None) or edits one; names are unique within a park."""

    def __init__(
        self,
        session: Session,
        enterprise: Enterprise | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "", parent)
        self.enterprise = enterprise
        self.saved_id: int | None = None
        self._names: dict[int, list[str]] = {}
        self.setWindowTitle(
            self.tr("New enterprise")
            if enterprise is None
            else fill(self.tr("Edit enterprise “%1”"), (enterprise.name,))
        )
        self.name = QLineEdit(self)
        self.park = QComboBox(self)
        for park in list_parks(session.db):
            self.park.addItem(park.short_name, park.id)
        self.tags = TagChecks(self)
        self.joined = DateField(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.add_field("name", self.tr("Enterprise name"), self.name)
        self.add_field("park", self.tr("Park"), self.park)
        self.add_field("tags", self.tr("Tags"), self.tags)
        self.add_field("joined_date", self.tr("Joined the park"), self.joined)
        self.add_field("notes", self.tr("Notes"), self.notes)
        if enterprise is None:
            index = self.park.findData(park_id)
            if index >= 0:
                self.park.setCurrentIndex(index)
        else:
            self.name.setText(enterprise.name)
            self.park.setCurrentIndex(max(self.park.findData(enterprise.park_id), 0))
            self.tags.set_value(enterprise.tags)
            self.joined.set_value(enterprise.joined_date)
            self.notes.setPlainText(enterprise.notes)
        self.finish()

    def build(self) -> Enterprise | None:
        park_id = self.park.currentData()
        if park_id is None:
            return None
        original = self.enterprise
        return Enterprise(
            park_id=int(park_id),
            name=self.name.text().strip(),
            tags=self.tags.value(),
            joined_date=self.joined.value(),
            notes=self.notes.toPlainText().strip(),
            sample=False if original is None else original.sample,
            id=None if original is None else original.id,
        )

    def _other_names(self, park_id: int) -> list[str]:
        if park_id not in self._names:
            exclude = None if self.enterprise is None else self.enterprise.id
            self._names[park_id] = enterprise_names_in_park(
                self.session.db, park_id, exclude_id=exclude
            )
        return self._names[park_id]

    def problems(self) -> list[Problem]:
        enterprise = self.build()
        if enterprise is None:
            return [Problem("park", M_REQUIRED)]
        return validate_enterprise(
            enterprise, other_names_in_park=self._other_names(enterprise.park_id)
        )

    def store(self) -> None:
        enterprise = self.build()
        assert enterprise is not None
        if self.enterprise is None:
            self.saved_id = self.session.perform(
                fill(self.tr("Add enterprise “%1”"), (enterprise.name,)),
                lambda db: add_enterprise(db, enterprise=enterprise),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit enterprise “%1”"), (enterprise.name,)),
                lambda db: update_enterprise(db, enterprise=enterprise),
            )
            self.saved_id = enterprise.id
