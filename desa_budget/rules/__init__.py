"""BPJS Ketenagakerjaan rules as dated data: one loader, one frozen lookup object."""

from desa_budget.rules.loader import JKK_CLASSES, load_rules
from desa_budget.rules.ruleset import (
    GENERAL_SECTOR,
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
    "PuRate",
    "RuleRow",
    "RuleSet",
    "RuleTable",
    "load_rules",
]
