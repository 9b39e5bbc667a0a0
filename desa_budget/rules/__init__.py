"""Rules as dated data: the BPJS Ketenagakerjaan tables (one loader, one frozen lookup object) and
the budget limits (siltap minimums, the 30 % ceiling) in limits.py."""

from desa_budget.rules.loader import JKK_CLASSES, load_rules
from desa_budget.rules.ruleset import (
    GENERAL_SECTOR,
    PROGRAMS,
    BpuParams,
    Ceiling,
    Discount,
    IncomeBracket,
    MonthRules,
    PuRate,
    RuleSet,
)
from desa_budget.rules.table import RuleRow, RuleTable

__all__ = [
    "GENERAL_SECTOR",
    "JKK_CLASSES",
    "BpuParams",
    "Ceiling",
    "Discount",
    "IncomeBracket",
    "MonthRules",
    "PROGRAMS",
    "PuRate",
    "RuleRow",
    "RuleSet",
    "RuleTable",
    "load_rules",
]
