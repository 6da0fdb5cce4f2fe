"""ParkTracker (园区项目投资跟踪)."""

__version__ = "0.1.0"
