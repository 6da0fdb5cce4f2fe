"""The park form (add / edit): the park's name, short name, industry, location, listing date,
chain-leader enterprises, partner parks and notes. Lists are typed as text separated by commas
or 、 (as in the reports) and stored as lists."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, fill
from parktracker.domain.models import Park
from parktracker.domain.validation import Problem, normalize_name, validate_park
from parktracker.services.parks import add_park, list_parks, update_park
from parktracker.ui.session import Session
from parktracker.ui.widgets.date_field import DateField
from parktracker.ui.widgets.form import FormDialog

M_NAME_TAKEN = QT_TRANSLATE_NOOP("ParkForm", "Another park is already named “%1”.")

_SEPARATORS = re.compile(r"[,，、;；\n]+")


def split_list(text: str) -> list[str]:
    """ "京东方、海信, 歌尔" → ["京东方", "海信", "歌尔"]: blanks and repeats dropped, order kept."""
    seen: list[str] = []
    for part in _SEPARATORS.split(text):
        item = part.strip()
        if item and item not in seen:
            seen.append(item)
    return seen


def join_list(items: list[str]) -> str:
    return "、".join(items)


class ParkForm(FormDialog):
    """Adds a park (``park`` None) or edits one; saving is one undoable step."""

    def __init__(self, session: Session, park: Park | None = None, parent: QWidget | None = None):
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Add park") if park is None else self.tr("Edit park"))
        self.setObjectName("parkForm")
        self.original = park
        self.saved_id: int | None = None
        existing = list_parks(session.db)
        self.others = [p.name for p in existing if park is None or p.id != park.id]
        self._new_order = max((p.sort_order for p in existing), default=0) + 1

        self.name = self._line("name", self.tr("&Name"), self.tr("e.g. 青岛市新型显示产业园"))
        self.short_name = self._line(
            "short_name", self.tr("&Short name"), self.tr("e.g. 新型显示产业园")
        )
        self.industry = self._line("industry", self.tr("&Industry"), self.tr("e.g. 新型显示"))
        self.location = self._line(
            "location", self.tr("&Location"), self.tr("District or zone, e.g. 崂山区")
        )
        self.listed_date = DateField(self)
        self.add_field("listed_date", self.tr("Listed on"), self.listed_date)
        self.chain_leaders = self._line(
            "chain_leaders",
            self.tr("&Chain leaders"),
            self.tr("Enterprises separated by 、 or commas"),
        )
        self.partner_parks = self._line(
            "partner_parks",
            self.tr("&Partner parks"),
            self.tr("Parks separated by 、 or commas"),
        )
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.add_field("notes", self.tr("N&otes"), self.notes)

        if park is not None:
            self.name.setText(park.name)
            self.short_name.setText(park.short_name)
            self.industry.setText(park.industry)
            self.location.setText(park.location)
            self.listed_date.set_value(park.listed_date)
            self.chain_leaders.setText(join_list(park.chain_leaders))
            self.partner_parks.setText(join_list(park.partner_parks))
            self.notes.setPlainText(park.notes)
        self.name.setFocus()
        self.finish()

    def _line(self, name: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.add_field(name, label, edit)
        return edit

    # ---------------------------------------------------------------- the record
    def park(self) -> Park:
        """The park as the fields describe it (keeping what the form does not show)."""
        name = self.name.text().strip()
        short_name = self.short_name.text().strip()
        industry = self.industry.text().strip()
        base = self.original or Park(name, short_name, industry, sort_order=self._new_order)
        return dataclasses.replace(
            base,
            name=name,
            short_name=short_name,
            industry=industry,
            location=self.location.text().strip(),
            listed_date=self.listed_date.value(),
            chain_leaders=split_list(self.chain_leaders.text()),
            partner_parks=split_list(self.partner_parks.text()),
            notes=self.notes.toPlainText().strip(),
        )

    def problems(self) -> list[Problem]:
        park = self.park()
        found = validate_park(park)  # required fields
        key = normalize_name(park.name)
        if key and any(normalize_name(other) == key for other in self.others):
            found.append(Problem("name", M_NAME_TAKEN, args=(park.name,)))
        return found

    def store(self) -> None:
        park = self.park()
        if self.original is None:
            self.saved_id = self.session.perform(
                fill(self.tr("Add park “%1”"), (park.name,)),
                lambda db: add_park(db, park=park),
            )
        else:
            self.session.perform(
                fill(self.tr("Edit park “%1”"), (park.name,)),
                lambda db: update_park(db, park=park),
            )
            self.saved_id = park.id
