"""Workbooks for the district: the DPMD export, the BPJS registration sheet, the consolidation.
Workbooks only; every PDF, the recap's included, is in desa_budget.reports."""
