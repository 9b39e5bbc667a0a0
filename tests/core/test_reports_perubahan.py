"""A perubahan prints Semula / Menjadi / Bertambah (Berkurang) in the penjabaran, the RAB and the
ringkasan, with the figures of versions.diff_versions to the rupiah.

Hand-made: the murni is the usual four APBDes persons; the perubahan drops Kaur Bambang
(3.334.696 -> 0) and adds a second pekerja rentan from April (151.200 -> 302.400)."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from budget_helpers import BORN, YEAR, small_village
from report_helpers import annex_data, base_persons, page_sizes, pages, person, text
from roster_helpers import make_nik

from desa_budget.budget import versions
from desa_budget.errors import UserError
from desa_budget.format import format_number
from desa_budget.reports import AnnexData, Baseline, gather_annex_data, render_documents
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules

BAMBANG = 3_334_696
RENTAN = 151_200


def perubahan() -> AnnexData:
    murni = annex_data()
    second = person(6, "Sarmi", "pekerja_rentan", jabatan="Buruh Tani", segmen="BPU",
                    dasar=1_000_000, months=range(4, 13), amounts={"JKK": (10_000, 0), "JKM": (6_800, 0)})  # fmt: skip
    persons = [p for p in base_persons() if p.nama != "Bambang"] + [second]
    new = annex_data(persons, adopted=True)
    return replace(
        new, jenis="perubahan", semula=Baseline(murni.simulation, murni.lines),
        rekening_names={**murni.rekening_names, **new.rekening_names},
    )  # fmt: skip


def test_penjabaran_prints_semula_menjadi_and_the_change() -> None:
    data = perubahan()
    assert data.semula is not None
    out = text(render_documents(data, docs=["penjabaran"]))
    assert "SEMULA (Rp) MENJADI (Rp) BERTAMBAH (BERKURANG) (Rp)" in out
    old, new = data.semula.lines.total, data.lines.total
    assert f"JUMLAH {format_number(old)} {format_number(new)} ({format_number(old - new)})" in out
    assert new - old == RENTAN - BAMBANG
    # The dropped line stays, at 0; the grown line shows its old and new volume.
    assert f"{format_number(BAMBANG)} - ({format_number(BAMBANG)}) ADD" in out
    assert "semula 9, menjadi 18 OB" in out
    assert f"{format_number(RENTAN)} {format_number(2 * RENTAN)} {format_number(RENTAN)} ADD" in out
    # Every change equals the versions' own diff.
    murni = versions.FrozenVersion(YEAR, "murni", data.semula.simulation, data.semula.lines)
    new_version = versions.FrozenVersion(YEAR, "perubahan", data.simulation, data.lines)
    for diff in versions.diff_versions(murni, new_version):
        change = diff.selisih
        shown = format_number(change) if change > 0 else f"({format_number(-change)})"
        assert f"{format_number(diff.old) if diff.old else '-'} " in out and shown in out


def test_rab_and_ringkasan_of_a_perubahan() -> None:
    data = perubahan()
    pdf = render_documents(data, docs=["rab"])
    assert page_sizes(pdf)[0][0] > page_sizes(pdf)[0][1]  # landscape: Semula beside Menjadi
    texts = pages(pdf)
    kades = next(p for p in texts if "Kegiatan : 1.1.03" in p)
    assert "RENCANA ANGGARAN BIAYA (RAB) PERUBAHAN" in kades
    assert "SEMULA (Rp) MENJADI (Rp)" in kades and "(semula 2 orang)" in kades
    assert (
        f"JUMLAH {format_number(2_845_440 + BAMBANG)} 2.845.440 ({format_number(BAMBANG)})" in kades
    )
    rentan = next(p for p in texts if "Kegiatan : 3.1.90" in p)
    assert f"9 OB 16.800 {format_number(RENTAN)} 18 OB 16.800 {format_number(2 * RENTAN)}" in rentan
    ringkasan = text(render_documents(data, docs=["ringkasan"]))
    assert f"semula Rp{format_number(data.semula.lines.total)}, berkurang " in ringkasan  # type: ignore[union-attr]
    assert "Iuran desa semula (Rp) Iuran desa menjadi (Rp) Bertambah (berkurang) (Rp)" in ringkasan
    assert (
        f"Perangkat Desa 0 0 0 {format_number(BAMBANG)} - ({format_number(BAMBANG)})" in ringkasan
    )


def test_a_portrait_perubahan_rab_keeps_semula_and_menjadi() -> None:
    out = text(render_documents(perubahan(), docs=["rab"], landscape=False))
    assert "SEMULA (Rp) MENJADI (Rp) BERTAMBAH (BERKURANG) (Rp) JUMLAH VOLUME HARGA SATUAN " \
           "JUMLAH" in out  # fmt: skip
    assert "Kode rekening" not in out


def test_perubahan_from_the_database(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    rules = load_rules()
    with db.session() as s, pytest.raises(UserError, match="sesudah APBDes Murni"):
        gather_annex_data(s, rules, year=YEAR, jenis="perubahan")
    with db.session() as s:
        versions.adopt_version(s, rules, year=YEAR, jenis="murni", operator="uji")
        roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "P", 7), "Sarmi", "P", BORN),
            [roster.PostData("pekerja_rentan", "Buruh Tani", mulai=date(YEAR, 7, 1))],
            roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM")),
            operator="uji",
        )
    with db.session() as s:
        draft = gather_annex_data(s, rules, year=YEAR, jenis="perubahan")
    assert draft.semula is not None and not draft.adopted
    out = text(render_documents(draft, docs=["penjabaran"]))
    assert f"JUMLAH {format_number(draft.semula.lines.total)} {format_number(draft.lines.total)} " \
           f"{format_number(6 * 16_800)}" in out  # fmt: skip
