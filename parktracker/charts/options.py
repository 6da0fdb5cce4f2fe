"""What the caller may choose about a chart, and the words every chart shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from parktracker.charts.frame import ChartFrame, FrameTexts
from parktracker.charts.style import WORD_FULL, ChartSize
from parktracker.domain.chart_data import ChartContext
from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP
from parktracker.domain.money import Unit
from parktracker.domain.number_format import DEFAULT_FORMAT, NumberFormat
from parktracker.domain.periods import date_text
from parktracker.domain.reporting import park_list

Translate = Callable[..., str]

T_AS_OF = QT_TRANSLATE_NOOP("Charts", "As of %1")
T_UNIT = QT_TRANSLATE_NOOP("Charts", "Unit: %1")
T_SOURCE = QT_TRANSLATE_NOOP("Charts", "Source: Qingdao Development and Reform Commission")
T_SOURCE_SAMPLE = QT_TRANSLATE_NOOP(
    "Charts",
    "Source: Qingdao Development and Reform Commission; sample data for demonstration only",
)
T_SAMPLE_MARK = QT_TRANSLATE_NOOP("Charts", "Sample data")
T_NO_DATA = QT_TRANSLATE_NOOP("Charts", "No data")
T_PROVISIONAL = QT_TRANSLATE_NOOP("Charts", " (provisional)")
T_PROVISIONAL_NOTE = QT_TRANSLATE_NOOP("Charts", "Provisional: not yet fully reported by %1.")
T_PROJECTS_UNIT = QT_TRANSLATE_NOOP("Charts", "projects")

PipelineMeasure = Literal["count", "amount"]


def default_translate() -> Translate:
    from parktracker.i18n import tr

    return tr


@dataclass(frozen=True)
class ChartOptions:
    """Choices for one chart. ``None`` title or source means the chart's default text."""

    size: ChartSize = WORD_FULL
    title: str | None = None
    source: str | None = None
    unit: Unit = Unit.YI
    pipeline_measure: PipelineMeasure = "count"  # chart 3 only: project counts or planned 亿元
    # The 示例数据 mark (and the sample-data source line) on sample data. Every file and copy
    # carries it; the dashboard's screen figures leave it to the page's single mark.
    mark_sample: bool = True
    number_format: NumberFormat = DEFAULT_FORMAT  # the decimals of every figure drawn


def default_source(context: ChartContext, tr: Translate, *, mark_sample: bool = True) -> str:
    """The data-source footnote unless the user writes another one."""
    return tr(T_SOURCE_SAMPLE if context.sample_data and mark_sample else T_SOURCE)


def as_of_text(context: ChartContext, tr: Translate) -> str:
    day = context.as_of
    return tr(T_AS_OF, date_text(day, tr))


def open_frame(
    context: ChartContext,
    options: ChartOptions,
    tr: Translate,
    *,
    default_title: str,
    unit_text: str,
    notes: Sequence[str] = (),
) -> ChartFrame:
    """A frame with the shared words: title, 截至…日 and unit, sample mark, source."""
    subtitle = as_of_text(context, tr) + "\u3000" + tr(T_UNIT, unit_text)
    if context.provisional:
        subtitle = as_of_text(context, tr) + tr(T_PROVISIONAL) + "\u3000" + tr(T_UNIT, unit_text)
        notes = [tr(T_PROVISIONAL_NOTE, park_list(context.provisional, tr)), *notes]
    texts = FrameTexts(
        title=options.title if options.title is not None else default_title,
        subtitle=subtitle,
        source=(
            options.source
            if options.source is not None
            else default_source(context, tr, mark_sample=options.mark_sample)
        ),
        sample_mark=tr(T_SAMPLE_MARK) if context.sample_data and options.mark_sample else None,
        notes=tuple(notes),
    )
    return ChartFrame(options.size, texts)


def no_data_text(tr: Translate) -> str:
    return tr(T_NO_DATA)
