"""Use cases shared by the GUI and the CLI; each multi-step write is one transaction."""
