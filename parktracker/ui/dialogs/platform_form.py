"""The innovation platform form: name, park, level, kind, recognition date and notes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from parktracker.domain.enums import PlatformKind, PlatformLevel
from parktracker.domain.i18n_markers import fill
from parktracker.domain.models import Platform
from parktracker.domain.validation import M_REQUIRED, Problem, validate_platform
from parktracker.services.entities import add_platform, update_platform
from parktracker.services.entity_listing import platform_names_in_park
from parktracker.services.parks import list_parks
from parktracker.ui.session import Session
from parktracker.ui.text import qt_tr
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog


class PlatformForm(FormDialog):
    """Adds a platform (``platform`` None) or edits one; the name is unique within its park."""

    def __init__(
        self,
        session: Session,
        platform: Platform | None = None,
        *,
        park_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "", parent)
        self.platform = platform
        self.saved_id: int | None = None
        self._names: dict[int, list[str]] = {}
        self.setWindowTitle(
            self.tr("New platform")
            if platform is None
            else fill(self.tr("Edit platform “%1”"), (platform.name,))
        )
        self.name = QLineEdit(self)
        self.park = QComboBox(self)
        for park in list_parks(session.db):
            self.park.addItem(park.short_name, park.id)
        self.level = QComboBox(self)
        for level in PlatformLevel:
            self.level.addItem(qt_tr(level.text), level)
        self.kind = QComboBox(self)
        for kind in PlatformKind:
            self.kind.addItem(qt_tr(kind.text), kind)
        self.recognized = DateField(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.add_field("name", self.tr("Platform name"), self.name)
        self.add_field("park", self.tr("Park"), self.park)
        self.add_field("level", self.tr("Level"), self.level)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("recognized_date", self.tr("Recognized"), self.recognized)
        self.add_field("notes", self.tr("Notes"), self.notes)
        if platform is None:
            self._select(self.park, park_id)
            self._select(self.level, PlatformLevel.PROVINCIAL)
        else:
            self.name.setText(platform.name)
            self._select(self.park, platform.park_id)
            self._select(self.level, platform.level)
            self._select(self.kind, platform.kind)
            self.recognized.set_value(platform.recognized_date)
            self.notes.setPlainText(platform.notes)
        self.finish()

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def build(self) -> Platform | None:
        park_id = self.park.currentData()
        if park_id is None:
            return None
        original = self.platform
        return Platform(
            park_id=int(park_id),
            name=self.name.text().strip(),
            level=self.level.currentData(),
            kind=self.kind.currentData(),
            recognized_date=self.recognized.value(),
            notes=self.notes.toPlainText().strip(),
            sample=False if original is None else original.sample,
            id=None if original is None else original.id,
        )

    def _other_names(self, park_id: int) -> list[str]:
        if park_id not in self._names:
            exclude = None if self.platform is None else self.platform.id
            self._names[park_id] = platform_names_in_park(
                self.session.db, park_id, exclude_id=exclude
            )
        return self._names[park_id]

    def problems(self) -> list[Problem]:
        platform = self.build()
        if platform is None:
            return [Problem("park", M_REQUIRED)]
        return validate_platform(platform, other_names_in_park=self._other_names(platform.park_id))

    def store(self) -> None:
        platform = self.build()
        assert platform is not None
        if self.platform is None:
            self.saved_id = self.session.perform(
                fill(self.tr("Add platform “%1”"), (platform.name,)),
                lambda db: add_platform(db, platform=platform),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit platform “%1”"), (platform.name,)),
                lambda db: update_platform(db, platform=platform),
            )
            self.saved_id = platform.id
