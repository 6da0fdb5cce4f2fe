"""``python -m parktracker``."""

from parktracker.cli import main

raise SystemExit(main())
