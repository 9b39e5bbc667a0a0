"""BPJS Ketenagakerjaan contributions: the engine (one person, one month), the year's simulation
of the roster, and its summaries. Rates come from desa_budget.rules.
"""
