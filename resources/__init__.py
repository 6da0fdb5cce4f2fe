"""Data files shipped with ParkTracker (installed as parktracker.resources)."""
