"""Jamsos Desa core: rules, money, store, planner, documents. Never imports Qt."""

__version__ = "0.1.0"
