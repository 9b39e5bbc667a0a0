"""The 30 % ceiling and the siltap minimums over everyone in post, insured or not, with the figure
each person's pay was taken from: siltap + tunjangan entered on the post, else the BPJS basis."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from codes_helpers import CATALOG, mapping
from roster_helpers import make_nik, new_db

from desa_budget.budget.checks import check_budget, ratio_30
from desa_budget.budget.codes.profiles import get_kabupaten_profile
from desa_budget.budget.lines import build_lines
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import simulate
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.rules.limits import Limits

YEAR = 2026
BORN = date(1975, 5, 5)
LIMITS = Limits(
    {"kepala_desa": 2_426_640, "sekretaris_desa": 2_224_420, "perangkat_desa": 2_022_200},
    Decimal(30),
)


def village(tmp_path: Path) -> Simulation:
    """Kades not insured, siltap + tunjangan Rp4.000.000 entered on the post; a kaur insured on a
    basis of Rp2.500.000 with nothing entered; a kasi insured on Rp2.500.000 but with
    Rp3.000.000 entered (the entered figure wins), from July; a BPD member with neither; an
    uninsured sekdes entered below the minimum; a pekerja rentan (outside the ceiling)."""
    db = new_db(tmp_path)
    add = [
        ("Sutrisno", "kepala_desa", "Kepala Desa", 4_000_000, None, None),
        ("Wagino", "perangkat_desa", "Kaur Umum", None, 2_500_000, None),
        ("Sarmi", "perangkat_desa", "Kasi Pelayanan", 3_000_000, 2_500_000, date(YEAR, 7, 1)),
        ("Darmo", "bpd", "Anggota BPD", None, None, None),
        ("Ratmi", "sekretaris_desa", "Sekretaris Desa", 2_000_000, None, None),
        ("Painem", "pekerja_rentan", "Petani", None, 1_000_000, None),
    ]
    with db.session() as s:
        for serial, (nama, kategori, jabatan, pay, basis, mulai) in enumerate(add, start=1):
            segmen = "BPU" if kategori == "pekerja_rentan" else "PU"
            roster.add_person(
                s,
                roster.PersonData(make_nik(BORN, "L", serial), nama, "L", BORN),
                [roster.PostData(kategori, jabatan, mulai=mulai, penghasilan=pay)],
                None if basis is None else roster.CoverageData(YEAR, segmen, basis, ("JKK", "JKM")),
                operator="x",
            )
        return simulate(s, load_rules(), YEAR)


def test_everyone_in_post_counts_with_the_figure_said(tmp_path: Path) -> None:
    sim = village(tmp_path)
    r = ratio_30(sim, 300_000_000)
    # 4.000.000 × 12 + 2.500.000 × 12 + 3.000.000 × 6 + 2.000.000 × 12 = 120.000.000
    assert r.penghasilan == 120_000_000
    assert (r.dari_penghasilan, r.dari_dasar_upah, r.tanpa_angka) == (3, 1, ("Darmo",))
    # only the insured pay desa contributions: kaur 12 × 13.500 (0,54 % of 2.500.000), kasi 6 ×
    assert r.jaminan_sosial == 12 * 13_500 + 6 * 13_500
    said = r.sumber
    assert "siltap + tunjangan yang diisi pada jabatan untuk 3 orang" in said
    assert "dasar upah BPJS untuk 1 orang" in said
    assert "Darmo" in said and "tidak ikut dihitung" in said


def test_the_warning_says_which_figure_and_catches_a_hidden_breach(tmp_path: Path) -> None:
    sim = village(tmp_path)
    # 120.000.000 / 380.000.000 = 31,58 %: only the uninsured kades' pay makes it a breach
    lines = build_lines(sim, catalog=CATALOG, mapping=mapping())
    found = check_budget(
        sim, lines, catalog=CATALOG, profile=get_kabupaten_profile("nasional"),
        total_belanja=380_000_000, limits=LIMITS,
    )  # fmt: skip
    (ceiling,) = [f for f in found.warnings if f.kode == "batas30"]
    assert "31,58%" in ceiling.message and "siltap + tunjangan yang diisi" in ceiling.message
    assert found.ratio is not None and found.ratio.penghasilan == 120_000_000
    siltap = [(f.target_kind, f.target, f.message) for f in found.warnings if f.kode == "siltap"]
    ratmi = next(p.person_id for p in sim.pay_roster or () if p.nama == "Ratmi")
    # the uninsured sekdes is tested on the entered figure, and says so
    assert ("person", str(ratmi)) in [(kind, target) for kind, target, _ in siltap]
    (message,) = [m for kind, target, m in siltap if target == str(ratmi)]
    assert message.startswith("Siltap + tunjangan Ratmi (Rp2.000.000) di bawah")
    # the BPD member has no figure: said once for the category, as a gap in the 30 % check
    (gap,) = [m for kind, target, m in siltap if (kind, target) == ("kategori", "bpd")]
    assert "Darmo" in gap and "belum diisi" in gap and "batas 30%" in gap
    assert len(siltap) == 2
    # without a total belanja there is no 30 % check, so the BPD gap is not raised
    quiet = check_budget(
        sim, lines, catalog=CATALOG, profile=get_kabupaten_profile("nasional"),
        total_belanja=None, limits=LIMITS,
    )  # fmt: skip
    assert [f.target for f in quiet.warnings if f.kode == "siltap"] == [str(ratmi)]
