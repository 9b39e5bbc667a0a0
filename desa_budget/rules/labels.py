"""The rule tables' column names (as in the CSV files) in words a secretary reads."""

from desa_budget.i18n import N_

COLUMN_LABELS: dict[str, str] = {
    "program": N_("Program"),
    "jkk_class": N_("Kelas risiko JKK"),
    "employer_pct": N_("Pemberi kerja (%)"),
    "worker_pct": N_("Pekerja (%)"),
    "amount": N_("Jumlah (Rp)"),
    "age": N_("Usia (tahun)"),
    "min_income": N_("Penghasilan paling sedikit (Rp)"),
    "jkk_pct": N_("JKK (%)"),
    "jkm_flat": N_("JKM (Rp sebulan)"),
    "jht_pct": N_("JHT (%)"),
    "income_from": N_("Penghasilan dari (Rp)"),
    "income_to": N_("Penghasilan sampai (Rp)"),
    "sector": N_("Sektor"),
    "factor": N_("Faktor"),
    "kategori": N_("Kategori"),
    "minimum": N_("Paling sedikit (Rp)"),
    "kunci": N_("Batas"),
    "nilai": N_("Nilai"),
}


def column_label(name: str) -> str:
    """The column's label (marked text: the window shows it with ``_()``); unknown: the name."""
    return COLUMN_LABELS.get(name, name)
