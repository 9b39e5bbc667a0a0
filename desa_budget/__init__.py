"""Jamsos Desa core (never imports Qt): store, village, rules, contributions, roster, budget,
reports, sheets and cli, each depending only on those before it (see README, Development)."""

__version__ = "0.1.0"
