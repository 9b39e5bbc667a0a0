"""Jamsos Desa window: Qt widgets, table models, undo commands, dialogs. Calls the core only."""
