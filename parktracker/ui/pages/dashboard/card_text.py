"""The words of the dashboard's KPI cards, made from :class:`parktracker.services.dashboard_figures.Kpis`.

Every figure comes from :mod:`parktracker.domain.cards`; this module only formats them, in the
application's one number format (:mod:`parktracker.domain.number_format`: 亿元 with the
user's fixed decimals, percentages with one), rounded here for display and never before. Each
card function takes the formatter: the user's for the card, :data:`EXACT` for its tooltip,
which shows the exact stored figures. Texts are translated in the ``DashboardPage`` context,
as the page's own strings are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from parktracker.domain import periods
from parktracker.domain.enums import PlatformLevel
from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Money
from parktracker.domain.number_format import Formatter, percent_number, percent_text
from parktracker.ui.number_display import current
from parktracker.ui.text import qt_tr

if TYPE_CHECKING:
    from fractions import Fraction

    # Only the figures' types: the first paint shows the words kept from the last session,
    # and loads no figures (services.card_faces).
    from parktracker.domain.cards import (
        CapitalCard,
        CountYoY,
        InnovationCard,
        LeadersCard,
        MoneyYoY,
        ProjectsCard,
        RevenueCard,
    )

CARD_KEYS = ("projects", "capital", "innovation", "leaders", "revenue")


@dataclass(frozen=True)
class CardContent:
    headline: str
    lines: list[str]
    comparison: list[str]


def card_titles() -> dict[str, str]:
    return {
        "projects": QCoreApplication.translate("DashboardPage", "Projects"),
        "capital": QCoreApplication.translate("DashboardPage", "Capital"),
        "innovation": QCoreApplication.translate("DashboardPage", "Innovation"),
        "leaders": QCoreApplication.translate("DashboardPage", "Leading enterprises"),
        "revenue": QCoreApplication.translate("DashboardPage", "Revenue target"),
    }


# ---------------------------------------------------------------- formatting
def date_text(day: dt.date) -> str:
    """2024-03-31 (in Chinese: 2024年3月31日), as on the charts."""
    return periods.date_text(day, qt_tr)


def amount(value: Money, fmt: Formatter | None = None) -> str:
    """With its unit, in the fixed decimals (1351.4 亿元)."""
    return (fmt or current()).amount(value)


def pct(value: Fraction | None) -> str:
    """19.3%, or a dash when there is no base."""
    return percent_text(value)


def signed_pct(value: Fraction | None) -> str:
    """+8.2%, -19.2% or ±0.0%."""
    return percent_text(value, signed=True)


def signed_count(value: int | None) -> str:
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else str(value) if value < 0 else "±0"


def signed_amount(value: Money | None, fmt: Formatter | None = None) -> str:
    """+9.5 亿元, -3.0 亿元 or ±0.0 亿元."""
    if value is None:
        return "—"
    return (fmt or current()).amount(value, signed=True)


def _count_change(figure: CountYoY) -> str:
    """+10 (+25.0%), or just +0 when there is no base to grow from."""
    growth = figure.growth
    if growth is None or figure.change == 0:
        return signed_count(figure.change)
    return f"{signed_count(figure.change)} ({signed_pct(growth)})"


def _money_change(figure: MoneyYoY, fmt: Formatter | None) -> str:
    growth = figure.growth
    if growth is None or figure.change is None or figure.change.yuan == 0:
        return signed_amount(figure.change, fmt)
    return f"{signed_amount(figure.change, fmt)} ({signed_pct(growth)})"


def _no_comparison(year_ago: dt.date) -> list[str]:
    template = QCoreApplication.translate("DashboardPage", "No figures for %1 to compare with")
    return [fill(template, (date_text(year_ago),))]


# ---------------------------------------------------------------- cards
def projects_card(
    card: ProjectsCard, year_ago: dt.date, fmt: Formatter | None = None
) -> CardContent:
    uc, signed = card.under_construction, card.signed
    headline = fill(QCoreApplication.translate("DashboardPage", "%1 under construction"), (uc.now,))
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "Under construction: %1, planned %2"),
            (uc.now, amount(card.under_construction_planned.now, fmt)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "Signed, awaiting start: %1, planned %2"),
            (signed.now, amount(card.signed_planned.now, fmt)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "In production: %1"),
            (card.in_production.now,),
        ),
    ]
    if uc.year_ago is None:
        return CardContent(headline, lines, _no_comparison(year_ago))
    comparison = [
        fill(QCoreApplication.translate("DashboardPage", "Since %1:"), (date_text(year_ago),)),
        fill(
            QCoreApplication.translate("DashboardPage", "under construction %1, planned %2"),
            (_count_change(uc), _money_change(card.under_construction_planned, fmt)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "signed %1, in production %2"),
            (_count_change(signed), _count_change(card.in_production)),
        ),
    ]
    return CardContent(headline, lines, comparison)


def capital_card(card: CapitalCard, year_ago: dt.date, fmt: Formatter | None = None) -> CardContent:
    headline = fill(
        QCoreApplication.translate("DashboardPage", "Funds: %1, total scale %2"),
        (card.funds.now, amount(card.scale.now, fmt)),
    )
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "Paid-in: %1 (%2 of scale)"),
            (amount(card.paid_in.now, fmt), pct(card.paid_in_ratio)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "Invested: %1 (%2 of paid-in)"),
            (amount(card.invested.now, fmt), pct(card.invested_ratio)),
        ),
    ]
    if card.funds.year_ago is None:
        return CardContent(headline, lines, _no_comparison(year_ago))
    comparison = [
        fill(QCoreApplication.translate("DashboardPage", "Since %1:"), (date_text(year_ago),)),
        fill(
            QCoreApplication.translate("DashboardPage", "funds %1, scale %2"),
            (_count_change(card.funds), _money_change(card.scale, fmt)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "paid-in %1, invested %2"),
            (_money_change(card.paid_in, fmt), _money_change(card.invested, fmt)),
        ),
    ]
    return CardContent(headline, lines, comparison)


def innovation_card(card: InnovationCard, year_ago: dt.date) -> CardContent:
    levels = card.by_level
    headline = fill(
        QCoreApplication.translate("DashboardPage", "Provincial level or above: %1"),
        (card.provincial_or_above.now,),
    )
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "National: %1  Provincial: %2"),
            (levels[PlatformLevel.NATIONAL].now, levels[PlatformLevel.PROVINCIAL].now),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "Municipal: %1"),
            (levels[PlatformLevel.MUNICIPAL].now,),
        ),
    ]
    if card.provincial_or_above.year_ago is None:
        return CardContent(headline, lines, _no_comparison(year_ago))
    comparison = [
        fill(QCoreApplication.translate("DashboardPage", "Since %1:"), (date_text(year_ago),)),
        fill(
            QCoreApplication.translate(
                "DashboardPage", "provincial level or above %1 (national %2)"
            ),
            (
                _count_change(card.provincial_or_above),
                signed_count(levels[PlatformLevel.NATIONAL].change),
            ),
        ),
    ]
    return CardContent(headline, lines, comparison)


def leaders_card(card: LeadersCard, year_ago: dt.date) -> CardContent:
    headline = fill(
        QCoreApplication.translate("DashboardPage", "Enterprises: %1"), (card.enterprises.now,)
    )
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "Chain leaders: %1  Little giants: %2"),
            (card.chain_leaders.now, card.little_giants.now),
        )
    ]
    if card.enterprises.year_ago is None:
        return CardContent(headline, lines, _no_comparison(year_ago))
    comparison = [
        fill(QCoreApplication.translate("DashboardPage", "Since %1:"), (date_text(year_ago),)),
        fill(
            QCoreApplication.translate(
                "DashboardPage", "enterprises %1, chain leaders %2, little giants %3"
            ),
            (
                _count_change(card.enterprises),
                signed_count(card.chain_leaders.change),
                signed_count(card.little_giants.change),
            ),
        ),
    ]
    return CardContent(headline, lines, comparison)


def pace_text(card: RevenueCard) -> str:
    """序时进度 and how far ahead of or behind it the year-to-date revenue is."""
    elapsed = pct(card.time_elapsed)
    ahead = card.ahead_by
    if ahead is None:
        return fill(
            QCoreApplication.translate("DashboardPage", "Share of the year elapsed: %1"),
            (elapsed,),
        )
    points = percent_number(abs(ahead))
    if points == "0.0":
        template = QCoreApplication.translate(
            "DashboardPage", "Share of the year elapsed: %1, exactly on pace"
        )
        return fill(template, (elapsed,))
    if ahead > 0:
        template = QCoreApplication.translate(
            "DashboardPage", "Share of the year elapsed: %1, ahead by %2 percentage points"
        )
    else:
        template = QCoreApplication.translate(
            "DashboardPage", "Share of the year elapsed: %1, behind by %2 percentage points"
        )
    return fill(template, (elapsed, points))


def revenue_card(card: RevenueCard, fmt: Formatter | None = None) -> CardContent:
    if card.target is None:
        headline = fill(
            QCoreApplication.translate("DashboardPage", "%1: no target set; year to date %2"),
            (card.year, amount(card.ytd, fmt)),
        )
        lines = [pace_text(card)]
    else:
        headline = fill(
            QCoreApplication.translate("DashboardPage", "%1 of the %2 target"),
            (pct(card.progress), card.year),
        )
        lines = [
            fill(
                QCoreApplication.translate("DashboardPage", "%1 target: %2"),
                (card.year, amount(card.target, fmt)),
            ),
            fill(
                QCoreApplication.translate("DashboardPage", "Year to date: %1 (%2 of target)"),
                (amount(card.ytd, fmt), pct(card.progress)),
            ),
            pace_text(card),
        ]
        if card.monthly_needed is not None:
            lines.append(
                fill(
                    QCoreApplication.translate(
                        "DashboardPage", "Still needed: %1 a month over the remaining %2 months"
                    ),
                    (amount(card.monthly_needed, fmt), card.remaining_months),
                )
            )
    if card.last_year_ytd is None:
        comparison = [
            fill(
                QCoreApplication.translate(
                    "DashboardPage", "No revenue figures for the same months of %1"
                ),
                (card.year - 1,),
            )
        ]
    else:
        comparison = [
            fill(
                QCoreApplication.translate(
                    "DashboardPage", "Growth on the same period of %1: %2 (%3 then)"
                ),
                (card.year - 1, signed_pct(card.growth), amount(card.last_year_ytd, fmt)),
            )
        ]
    return CardContent(headline, lines, comparison)
