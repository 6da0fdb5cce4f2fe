"""The words of the dashboard's KPI cards, made from :class:`parktracker.services.dashboard.Kpis`.

Every figure comes from the stats functions; this module only formats them (percentages and
derived amounts rounded for display here, never before). Texts are translated in the
``DashboardPage`` context, as the page's own strings are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from parktracker.domain import periods
from parktracker.domain.enums import PlatformLevel
from parktracker.domain.i18n_markers import fill
from parktracker.domain.money import Money, Unit
from parktracker.domain.stats import (
    CapitalCard,
    CountYoY,
    InnovationCard,
    LeadersCard,
    MoneyYoY,
    ProjectsCard,
    RevenueCard,
    percent,
)
from parktracker.ui.text import qt_tr

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


def amount(value: Money) -> str:
    """Exact, with its unit (1351.4 亿元)."""
    return value.format(Unit.YI)


def approx(value: Money) -> str:
    """A derived amount (spread, projected) to two decimals of 亿元, with its unit."""
    shown = value.in_yi.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{shown:f} {Unit.YI.label}"


def pct(value: Fraction | None, places: int = 1) -> str:
    shown = percent(value, places)
    return "—" if shown is None else f"{shown:.{places}f}%"


def signed_pct(value: Fraction | None) -> str:
    shown = percent(value, 1)
    if shown is None:
        return "—"
    return f"+{shown:.1f}%" if shown > 0 else f"{shown:.1f}%"


def signed_count(value: int | None) -> str:
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else str(value) if value < 0 else "±0"


def signed_amount(value: Money | None) -> str:
    if value is None:
        return "—"
    text = value.format(Unit.YI)
    return "+" + text if value.yuan > 0 else text if value.yuan < 0 else "±0 " + Unit.YI.label


def _count_change(figure: CountYoY) -> str:
    """+10 (+25.0%), or just +0 when there is no base to grow from."""
    growth = figure.growth
    if growth is None or figure.change == 0:
        return signed_count(figure.change)
    return f"{signed_count(figure.change)} ({signed_pct(growth)})"


def _money_change(figure: MoneyYoY) -> str:
    growth = figure.growth
    if growth is None or figure.change is None or figure.change.yuan == 0:
        return signed_amount(figure.change)
    return f"{signed_amount(figure.change)} ({signed_pct(growth)})"


def _no_comparison(year_ago: dt.date) -> list[str]:
    template = QCoreApplication.translate("DashboardPage", "No figures for %1 to compare with")
    return [fill(template, (date_text(year_ago),))]


# ---------------------------------------------------------------- cards
def projects_card(card: ProjectsCard, year_ago: dt.date) -> CardContent:
    uc, signed = card.under_construction, card.signed
    headline = fill(QCoreApplication.translate("DashboardPage", "%1 under construction"), (uc.now,))
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "Under construction: %1, planned %2"),
            (uc.now, amount(card.under_construction_planned.now)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "Signed, awaiting start: %1, planned %2"),
            (signed.now, amount(card.signed_planned.now)),
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
            (_count_change(uc), _money_change(card.under_construction_planned)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "signed %1, in production %2"),
            (_count_change(signed), _count_change(card.in_production)),
        ),
    ]
    return CardContent(headline, lines, comparison)


def capital_card(card: CapitalCard, year_ago: dt.date) -> CardContent:
    headline = fill(
        QCoreApplication.translate("DashboardPage", "Funds: %1, total scale %2"),
        (card.funds.now, amount(card.scale.now)),
    )
    lines = [
        fill(
            QCoreApplication.translate("DashboardPage", "Paid-in: %1 (%2 of scale)"),
            (amount(card.paid_in.now), pct(card.paid_in_ratio)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "Invested: %1 (%2 of paid-in)"),
            (amount(card.invested.now), pct(card.invested_ratio)),
        ),
    ]
    if card.funds.year_ago is None:
        return CardContent(headline, lines, _no_comparison(year_ago))
    comparison = [
        fill(QCoreApplication.translate("DashboardPage", "Since %1:"), (date_text(year_ago),)),
        fill(
            QCoreApplication.translate("DashboardPage", "funds %1, scale %2"),
            (_count_change(card.funds), _money_change(card.scale)),
        ),
        fill(
            QCoreApplication.translate("DashboardPage", "paid-in %1, invested %2"),
            (_money_change(card.paid_in), _money_change(card.invested)),
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
    points = percent(abs(ahead), 1) or 0.0
    if points == 0:
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
    return fill(template, (elapsed, f"{points:.1f}"))


def revenue_card(card: RevenueCard) -> CardContent:
    if card.target is None:
        headline = fill(
            QCoreApplication.translate("DashboardPage", "%1: no target set; year to date %2"),
            (card.year, amount(card.ytd)),
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
                (card.year, amount(card.target)),
            ),
            fill(
                QCoreApplication.translate("DashboardPage", "Year to date: %1 (%2 of target)"),
                (amount(card.ytd), pct(card.progress)),
            ),
            pace_text(card),
        ]
        if card.monthly_needed is not None:
            lines.append(
                fill(
                    QCoreApplication.translate(
                        "DashboardPage", "Still needed: %1 a month over the remaining %2 months"
                    ),
                    (approx(card.monthly_needed), card.remaining_months),
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
                (card.year - 1, signed_pct(card.growth), amount(card.last_year_ytd)),
            )
        ]
    return CardContent(headline, lines, comparison)
