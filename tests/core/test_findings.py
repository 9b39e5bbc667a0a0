"""The findings the Beranda lists for a year, on the small village of budget_helpers plus:

    Warsini, BPD member, in no program: "1 orang BPD di daftar belum ikut program apa pun."
    Warno, Kaur Umum, registered, his iuran charged to Dana Desa (DDS): an error on his record
    Suparno, Tarno and Painem are not registered with BPJS yet (the roster's default "belum")

In 2026 the BPU discount of PP 50/2025 is not applied: an assumption, noted for the year.
"""

from pathlib import Path

from budget_helpers import BORN, YEAR, small_village
from roster_helpers import make_nik

from desa_budget.budget.findings import roster_findings, year_findings
from desa_budget.contributions.simulation import simulate
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules

RULES = load_rules()


def _village(tmp_path: Path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        roster.add_person(
            s, roster.PersonData(make_nik(BORN, "P", 5), "Warsini", "P", BORN),
            [roster.PostData("bpd", "Anggota BPD")], None, operator="uji",
        )  # fmt: skip
        warno = roster.add_person(
            s, roster.PersonData(make_nik(BORN, "L", 7), "Warno", "L", BORN),
            [roster.PostData("perangkat_desa", "Kaur Umum")],
            roster.CoverageData(YEAR, "PU", 2_500_000, ("JKK", "JKM"), status_bpjs="terdaftar",
                                sumber_dana="DDS"),
            operator="uji",
        )  # fmt: skip
    return db, warno


def test_roster_findings_count_who_is_left_out(tmp_path: Path) -> None:
    db, _ = _village(tmp_path)
    with db.session() as s:
        found = roster_findings(simulate(s, RULES, YEAR))
    assert [(f.severity, f.message, f.target_kind, f.target) for f in found] == [
        ("warning", "1 orang BPD di daftar belum ikut program apa pun.", "peserta_kategori", "bpd"),
        ("warning", "3 peserta belum terdaftar di BPJS Ketenagakerjaan.",
         "peserta_status_bpjs", "belum"),
    ]  # fmt: skip


def test_year_findings_put_errors_first_and_notes_last(tmp_path: Path) -> None:
    db, warno = _village(tmp_path)
    with db.session() as s:
        found = year_findings(s, simulate(s, RULES, YEAR + 1))
    assert [f.severity for f in found] == ["error", "warning", "warning", "info"]
    dds, bpd, _unregistered, note = found
    assert "Dana Desa (DDS) tidak boleh" in dds.message
    assert (dds.target_kind, dds.target) == ("person", str(warno))
    assert bpd.message.startswith("1 orang BPD")
    assert "Diskon iuran BPU" in note.message and (note.target_kind, note.target) == (
        "tahun", str(YEAR + 1)
    )  # fmt: skip
