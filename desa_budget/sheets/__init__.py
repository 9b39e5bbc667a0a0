"""Spreadsheets for the district: the DPMD export, the BPJS registration sheet, the consolidation."""
