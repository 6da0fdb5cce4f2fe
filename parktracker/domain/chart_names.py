"""The dashboard's five charts, by the names the window, the exports and the ``chart`` command
know them by, in the order they are shown."""

CHART_NAMES = (
    "revenue-progress",
    "investment-by-park",
    "pipeline",
    "funds",
    "monthly-investment",
)
