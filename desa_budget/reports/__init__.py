"""Every PDF: the budget annexes (daftar nominatif, penjabaran, RAB, ringkasan) and, in recap.py,
the DPMD's kabupaten recap. Page machinery in page.py, shared blocks in blocks.py, gathering from
the database in gather.py."""

from desa_budget.reports.data import AnnexData, Baseline, Regulation, jp_ceiling_text
from desa_budget.reports.gather import gather_annex_data
from desa_budget.reports.render import DOCS, expand_docs, render_documents, write_pdf

__all__ = [
    "DOCS",
    "AnnexData",
    "Baseline",
    "Regulation",
    "expand_docs",
    "gather_annex_data",
    "jp_ceiling_text",
    "render_documents",
    "write_pdf",
]
