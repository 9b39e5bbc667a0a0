"""Undo commands: ``base`` (the step, macros, push), and one module per area of the data —
``roster`` (people, posts, coverage), ``budget`` (codes, budget year, scenarios, adoption),
``village`` (the profile). Pushing a command is the edit: there is no second code path."""

from ui.commands.base import EditCommand, MacroCommand, push, push_macro

__all__ = ["EditCommand", "MacroCommand", "push", "push_macro"]
