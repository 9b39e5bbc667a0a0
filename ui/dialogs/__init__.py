"""Dialogs. Each has an ``ask()`` classmethod that returns the answer (tests patch ``ask``)."""
