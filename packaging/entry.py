"""Entry script of the frozen application: the same main() as the installed command."""

from parktracker.cli import main

raise SystemExit(main())
