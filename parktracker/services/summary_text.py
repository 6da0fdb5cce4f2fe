"""The summary as lines of text: the report's four boxes (项目/资本/创新/龙头集聚) and revenue."""

from __future__ import annotations

from collections.abc import Callable

from parktracker.domain.enums import EnterpriseTag, PlatformLevel, Stage
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, translate
from parktracker.domain.number_format import DEFAULT_FORMAT, NumberFormat, percent_number
from parktracker.domain.periods import date_text
from parktracker.services.reporting_text import report_lines
from parktracker.services.summary import Summary

Translate = Callable[..., str]

T_HEADER_ALL = QT_TRANSLATE_NOOP("Summary", "As of %1, all %2 parks")
T_HEADER_PARK = QT_TRANSLATE_NOOP("Summary", "As of %1, %2")
T_PROJECTS = QT_TRANSLATE_NOOP(
    "Summary",
    "Projects: %1 under construction, planned total %2 亿元; %3 signed awaiting start, planned"
    " total %4 亿元; %5 in production",
)
T_FUNDS = QT_TRANSLATE_NOOP(
    "Summary", "Capital: %1 funds, total scale %2 亿元, paid-in %3 亿元, invested %4 亿元"
)
T_PLATFORMS = QT_TRANSLATE_NOOP(
    "Summary", "Innovation: %1 platforms at provincial level or above (%2 national)"
)
T_ENTERPRISES = QT_TRANSLATE_NOOP("Summary", "Leading enterprises: %1, %2, %3")
N_ENTERPRISES = translate("Summary", "%n enterprise(s)", None, 0)
N_CHAIN_LEADERS = translate("Summary", "%n chain leader(s)", None, 0)
N_LITTLE_GIANTS = translate("Summary", "%n little giant(s)", None, 0)
T_REVENUE = QT_TRANSLATE_NOOP(
    "Summary",
    "Revenue %1: target %2 亿元, year to date %3 亿元 (%4% of target; %5% of the year elapsed)",
)
T_REVENUE_NO_TARGET = QT_TRANSLATE_NOOP(
    "Summary", "Revenue %1: no target set, year to date %2 亿元"
)
T_SAMPLE = QT_TRANSLATE_NOOP(
    "Summary", "示例数据 / sample data: this database holds illustrative records."
)


def summary_lines(
    summary: Summary, tr: Translate, *, number_format: NumberFormat = DEFAULT_FORMAT
) -> list[str]:
    """The summary in the application's one number format (1351.4, 19.3)."""
    yi = number_format.number
    day = summary.as_of
    date = date_text(day, tr)
    lines = [
        tr(T_HEADER_ALL, date, summary.park_count)
        if summary.park is None
        else tr(T_HEADER_PARK, date, summary.park.name)
    ]
    uc = summary.pipeline[Stage.UNDER_CONSTRUCTION]
    signed = summary.pipeline[Stage.SIGNED]
    lines.append(
        tr(
            T_PROJECTS,
            uc.count,
            yi(uc.planned_total),
            signed.count,
            yi(signed.planned_total),
            summary.pipeline[Stage.IN_PRODUCTION].count,
        )
    )
    f = summary.funds
    lines.append(
        tr(
            T_FUNDS,
            f.count,
            yi(f.scale),
            yi(f.paid_in),
            yi(f.invested),
        )
    )
    lines.append(
        tr(
            T_PLATFORMS,
            summary.platforms_provincial_or_above,
            summary.platforms[PlatformLevel.NATIONAL],
        )
    )
    tags = summary.enterprise_tags
    lines.append(
        tr(
            T_ENTERPRISES,
            tr(N_ENTERPRISES, summary.enterprise_count),
            tr(N_CHAIN_LEADERS, tags[EnterpriseTag.CHAIN_LEADER]),
            tr(N_LITTLE_GIANTS, tags[EnterpriseTag.LITTLE_GIANT]),
        )
    )
    rev = summary.revenue
    if rev.target is None:
        lines.append(tr(T_REVENUE_NO_TARGET, rev.year, yi(rev.ytd)))
    else:
        lines.append(
            tr(
                T_REVENUE,
                rev.year,
                yi(rev.target),
                yi(rev.ytd),
                percent_number(rev.progress),
                percent_number(rev.time_elapsed),
            )
        )
    if summary.reporting is not None:
        lines += report_lines(summary.reporting, tr)
    if summary.sample_data:
        lines.append(tr(T_SAMPLE))
    return lines
