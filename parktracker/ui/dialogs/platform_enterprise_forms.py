"""The innovation platform and enterprise forms.

Both edit a named record of a park: its name (unique within the park), park and notes are
:class:`ParkRecordForm`'s, and so are the checking and the saving. A platform adds its level,
kind and recognition date; an enterprise its tags and the date it joined the park.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

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

from parktracker.domain.enums import EnterpriseTag, PlatformKind, PlatformLevel
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Enterprise, Platform
from parktracker.domain.validation import (
    M_REQUIRED,
    Problem,
    validate_park_record,
)
from parktracker.services.handles import Database
from parktracker.services.parks import list_parks
from parktracker.services.platforms_enterprises import (
    add_enterprise,
    add_platform,
    update_enterprise,
    update_platform,
)
from parktracker.services.platforms_enterprises_listing import (
    enterprise_names_in_park,
    platform_names_in_park,
)
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

R = TypeVar("R", Platform, Enterprise)


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


class ParkRecordForm(FormDialog, Generic[R]):
    """Adds a record (``record`` None, in the park ``park_id`` if given) or edits one. A
    subclass adds its own fields (between the park and the notes) and says how its record is
    made, checked and saved."""

    def __init__(
        self,
        session: Session,
        record: R | None,
        *,
        park_id: int | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(session, "", parent)
        self.record: R | None = record
        self.saved_id: int | None = None
        self._names: dict[int, list[str]] = {}
        self.setWindowTitle(self.title_text(record))
        self.name = QLineEdit(self)
        self.park = QComboBox(self)
        for park in list_parks(session.db):
            self.park.addItem(park.short_name, park.id)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.add_field("name", self.name_label(), self.name)
        self.add_field("park", self.tr("Park"), self.park)
        self.add_own_fields()
        self.add_field("notes", self.tr("Notes"), self.notes)
        if record is None:
            _select(self.park, park_id)
        else:
            self.name.setText(record.name)
            _select(self.park, record.park_id)
            self.show_own_values(record)
            self.notes.setPlainText(record.notes)
        self.finish()

    # ---------------------------------------------------------------- what differs
    def title_text(self, record: R | None) -> str:
        raise NotImplementedError

    def name_label(self) -> str:
        raise NotImplementedError

    def add_own_fields(self) -> None:
        raise NotImplementedError

    def show_own_values(self, record: R) -> None:
        raise NotImplementedError

    def make(self, **common: Any) -> R:
        """The record from ``common`` (park, name, notes, sample, id) and the own fields."""
        raise NotImplementedError

    def names_in_park(self, db: Database, park_id: int, exclude_id: int | None) -> list[str]:
        raise NotImplementedError

    def validate(self, record: R, other_names_in_park: list[str]) -> list[Problem]:
        return validate_park_record(record, other_names_in_park=other_names_in_park)

    def save_record(self, record: R) -> None:
        """Add or update ``record`` through the session (one undoable step)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- what is the same
    def build(self) -> R | None:
        park_id = self.park.currentData()
        if park_id is None:
            return None
        original = self.record
        return self.make(
            park_id=int(park_id),
            name=self.name.text().strip(),
            notes=self.notes.toPlainText().strip(),
            sample=False if original is None else original.sample,
            id=None if original is None else original.id,
        )

    def _other_names(self, park_id: int) -> list[str]:
        if park_id not in self._names:
            exclude = None if self.record is None else self.record.id
            self._names[park_id] = self.names_in_park(self.session.db, park_id, exclude)
        return self._names[park_id]

    def problems(self) -> list[Problem]:
        record = self.build()
        if record is None:
            return [Problem("park", M_REQUIRED)]
        return self.validate(record, self._other_names(record.park_id))

    def store(self) -> None:
        record = self.build()
        assert record is not None
        self.save_record(record)


class PlatformForm(ParkRecordForm[Platform]):
    """An innovation platform: its level, kind and recognition date besides the name."""

    def __init__(
        self,
        session: Session,
        platform: Platform | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, platform, park_id=park_id, parent=parent)

    def title_text(self, record: Platform | None) -> str:
        if record is None:
            return self.tr("New platform")
        return fill(self.tr("Edit platform “%1”"), (record.name,))

    def name_label(self) -> str:
        return self.tr("Platform name")

    def add_own_fields(self) -> None:
        self.level = QComboBox(self)
        for level in PlatformLevel:
            self.level.addItem(qt_tr(level.text), level)
        _select(self.level, PlatformLevel.PROVINCIAL)
        self.kind = QComboBox(self)
        for kind in PlatformKind:
            self.kind.addItem(qt_tr(kind.text), kind)
        self.recognized = DateField(self)
        self.add_field("level", self.tr("Level"), self.level)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("recognized_date", self.tr("Recognized"), self.recognized)

    def show_own_values(self, record: Platform) -> None:
        _select(self.level, record.level)
        _select(self.kind, record.kind)
        self.recognized.set_value(record.recognized_date)

    def make(self, **common: Any) -> Platform:
        return Platform(
            level=self.level.currentData(),
            kind=self.kind.currentData(),
            recognized_date=self.recognized.value(),
            **common,
        )

    def names_in_park(self, db: Database, park_id: int, exclude_id: int | None) -> list[str]:
        return platform_names_in_park(db, park_id, exclude_id=exclude_id)

    def save_record(self, record: Platform) -> None:
        if self.record is None:
            self.saved_id = self.session.perform(
                fill(self.tr("Add platform “%1”"), (record.name,)),
                lambda db: add_platform(db, platform=record),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit platform “%1”"), (record.name,)),
                lambda db: update_platform(db, platform=record),
            )
            self.saved_id = record.id


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


class EnterpriseForm(ParkRecordForm[Enterprise]):
    """An enterprise: its tags (chain leader, little giant...) and the date it joined."""

    def __init__(
        self,
        session: Session,
        enterprise: Enterprise | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, enterprise, park_id=park_id, parent=parent)

    def title_text(self, record: Enterprise | None) -> str:
        if record is None:
            return self.tr("New enterprise")
        return fill(self.tr("Edit enterprise “%1”"), (record.name,))

    def name_label(self) -> str:
        return self.tr("Enterprise name")

    def add_own_fields(self) -> None:
        self.tags = TagChecks(self)
        self.joined = DateField(self)
        self.add_field("tags", self.tr("Tags"), self.tags)
        self.add_field("joined_date", self.tr("Joined the park"), self.joined)

    def show_own_values(self, record: Enterprise) -> None:
        self.tags.set_value(record.tags)
        self.joined.set_value(record.joined_date)

    def make(self, **common: Any) -> Enterprise:
        return Enterprise(tags=self.tags.value(), joined_date=self.joined.value(), **common)

    def names_in_park(self, db: Database, park_id: int, exclude_id: int | None) -> list[str]:
        return enterprise_names_in_park(db, park_id, exclude_id=exclude_id)

    def save_record(self, record: Enterprise) -> None:
        if self.record is None:
            self.saved_id = self.session.perform(
                fill(self.tr("Add enterprise “%1”"), (record.name,)),
                lambda db: add_enterprise(db, enterprise=record),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit enterprise “%1”"), (record.name,)),
                lambda db: update_enterprise(db, enterprise=record),
            )
            self.saved_id = record.id
