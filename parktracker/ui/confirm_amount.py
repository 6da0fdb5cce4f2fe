"""The fat-finger question: "…是否确认？" before an amount far above the largest comparable
figure stored is saved (the rule is :mod:`parktracker.domain.plausibility`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Money, Unit
from parktracker.domain.number_format import EXACT
from parktracker.domain.plausibility import (
    M_CONFIRM,
    M_CONFIRM_TITLE,
    Reference,
    looks_mistyped,
    times,
)
from parktracker.domain.validation import amount_ceiling
from parktracker.ui import number_display
from parktracker.ui.text import qt_tr

BOX_NAME = "confirmAmount"


def question(what: str, amount: Money, reference: Reference, unit: Unit = Unit.YI) -> str:
    """``集成电路, 4月: 250000000 亿元 is 3000000000 times the park's usual monthly revenue
    (8.3 亿元). Was it typed in the wrong unit? Confirm?`` in the UI language."""
    return fill(
        qt_tr(M_CONFIRM),
        (
            what,
            EXACT.amount(amount, unit),
            times(amount, reference.amount),
            qt_tr(reference.what),
            number_display.current().amount(reference.amount, unit),
        ),
    )


def confirm_amount(
    parent: QWidget | None,
    what: str,
    amount: Money | None,
    reference: Reference | None,
    unit: Unit = Unit.YI,
) -> bool:
    """True to go on saving: the amount is plausible, or the user confirmed it. The default
    button is No, so Enter does not wave a slip through."""
    if amount is None or reference is None or not looks_mistyped(amount, reference):
        return True
    if amount_ceiling("amount", amount):
        return True  # refused anyway, with the ceiling's own message: no question first
    box = QMessageBox(parent)
    box.setObjectName(BOX_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(qt_tr(M_CONFIRM_TITLE))
    box.setText(question(what, amount, reference, unit))
    yes = box.addButton(
        QCoreApplication.translate("ConfirmAmount", "Yes, save it"),
        QMessageBox.ButtonRole.YesRole,
    )
    no = box.addButton(
        QCoreApplication.translate("ConfirmAmount", "No, correct it"),
        QMessageBox.ButtonRole.NoRole,
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
