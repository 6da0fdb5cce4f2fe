"""Chart builders: exact data from :mod:`parktracker.domain.chart_data` → matplotlib Figures.

No pyplot and no Qt here: the dashboard builds and draws the Figures (Agg) off the GUI
thread and shows their pictures (parktracker.ui.chart_render), drawn with
:mod:`parktracker.charts.screen_agg`, which keeps the text work of one draw for the next; the
export dialog and the ``parktracker chart`` command save them with
:mod:`parktracker.charts.export`.
Every chart carries the same frame (:mod:`parktracker.charts.frame`): title, as-of date, unit,
sample-data mark, notes and a data-source footnote, laid out so nothing is clipped at the
Word presets (16 cm and 8 cm wide).

matplotlib is heavy: import this package's modules only when a chart is needed.
"""
