"""Kabupaten profiles: the national default mapping, the example profile, own rows and bad files."""

import json
from pathlib import Path
from typing import Any

import pytest
from codes_helpers import CATALOG, NATIONAL, person, sim

from desa_budget.budget.codes.profiles import get_kabupaten_profile, load_kabupaten_profiles
from desa_budget.budget.lines import build_lines
from desa_budget.errors import UserError
from desa_budget.village import categories


def test_national_mapping_follows_the_domain_table() -> None:
    expected = {
        "kepala_desa": ("1.1.03", "5.1.3.03", "ADD", "H"),
        "sekretaris_desa": ("1.1.03", "5.1.3.04", "ADD", "H"),
        "perangkat_desa": ("1.1.03", "5.1.3.04", "ADD", "H"),
        "staf_desa": ("1.1.03", "5.1.3.90", "ADD", "L"),
        "bpd": ("1.1.09", "5.1.5.02", "ADD", "M"),
        "lkd": ("1.1.90", "5.2.7.90", "ADD", "L"),
        "rt_rw": ("1.1.07", "5.2.2.03", "ADD", "L"),
        "pekerja_rentan": ("3.1.90", "5.2.7.90", "ADD", "L"),
    }
    got = {
        key: (row.kegiatan, row.rekening, row.sumber_dana, row.confidence)
        for key, row in NATIONAL.mapping.items()
    }
    assert got == expected
    assert list(NATIONAL.mapping) == list(categories.KEYS)
    assert NATIONAL.rules == () and not NATIONAL.example
    assert NATIONAL.codes_for("bpd") == ("1.1.09", "5.1.5.02", "ADD")


def test_example_kabupaten_profile_is_marked_and_inherits_the_mapping() -> None:
    kudus = get_kabupaten_profile("contoh_kudus")
    assert kudus.example and "CONTOH" in kudus.source
    assert kudus.mapping == NATIONAL.mapping
    assert (kudus.min_pekerja_rentan, kudus.max_age_pekerja_rentan) == (10, 65)
    assert kudus.forbidden_sumber == {"rt_rw": frozenset({"DDS"})}
    assert [r.description for r in kudus.rules] == [
        "Paling sedikit 10 pekerja rentan dilindungi, usia paling tinggi 65 tahun.",
        "Sumber dana DDS tidak boleh untuk iuran RT/RW.",
    ]
    assert all(r.source and r.confidence in "HML" for r in kudus.rules)
    with pytest.raises(UserError, match="tidak ada. Yang tersedia: contoh_kudus, kendal, nasional"):
        get_kabupaten_profile("atlantis")


def _folder(tmp_path: Path, **profiles: dict[str, Any]) -> Path:
    folder = tmp_path / "kabupaten"
    folder.mkdir()
    shipped = Path(__file__).resolve().parents[2] / "resources/codes/kabupaten/nasional.json"
    (folder / "nasional.json").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    for name, data in profiles.items():
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_a_kabupaten_adds_its_own_codes_and_overrides_the_mapping(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        kab_x={
            "name": "kab_x",
            "title": "Kabupaten X",
            "source": "Perbup X 1/2026",
            "kegiatan": [
                {
                    "kode": "01.01.91.",
                    "level": "kegiatan",
                    "uraian": "Jaminan Sosial RT/RW",
                    "source": "Perbup X 1/2026",
                    "confidence": "M",
                }
            ],
            "mapping": {
                "rt_rw": {
                    "kegiatan": "1.1.91",
                    "rekening": "5.2.7.90",
                    "sumber_dana": "pbk",
                    "confidence": "M",
                }
            },
            "rules": [{"rule": "min_pekerja_rentan", "minimum": 25, "confidence": "H"}],
        },
    )
    kab = load_kabupaten_profiles(folder)["kab_x"]
    assert kab.codes_for("rt_rw") == ("1.1.91", "5.2.7.90", "PBK")
    assert kab.codes_for("kepala_desa") == ("1.1.03", "5.1.3.03", "ADD")  # inherited
    assert (kab.min_pekerja_rentan, kab.max_age_pekerja_rentan) == (25, None)
    catalog = CATALOG.with_rows(kab.extra_rows)
    # The profile's mapping feeds build_lines as it is.
    lines = build_lines(
        sim(person(1, "rt_rw", [10_800] * 12)), catalog=catalog, mapping=kab.mapping
    )
    (line,) = lines.lines
    assert (line.kegiatan, line.rekening, line.sumber_dana) == ("1.1.91", "5.2.7.90", "PBK")
    assert catalog.uraian("kegiatan", line.kegiatan) == "Jaminan Sosial RT/RW"


def test_a_bad_profile_names_file_and_every_problem(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        kab_rusak={
            "rekening": [
                {
                    "kode": "5.1.3.04",
                    "level": "objek",
                    "uraian": "x",
                    "source": "y",
                    "confidence": "H",
                }
            ],
            "mapping": {
                "bpd": {"kegiatan": "1.1.88", "rekening": "5.1.5", "sumber_dana": "ADD"},
                "lurah": {"kegiatan": "1.1.03", "rekening": "5.1.3.04", "sumber_dana": "ADD"},
            },
            "rules": [
                {"rule": "min_pekerja_rentan", "minimum": "sepuluh", "confidence": "H"},
                {"rule": "forbid_sumber_dana", "kategori": "rt_rw", "sumber_dana": "XYZ"},
                {"rule": "libur", "confidence": "L"},
            ],
        },
    )
    with pytest.raises(UserError) as err:
        load_kabupaten_profiles(folder)
    assert err.value.message == "Profil kabupaten kab_rusak.json tidak sah."
    text = "\n".join(err.value.details)
    assert (
        "kab_rusak.json rekening ke-1: kode 5.1.3.04 sudah ada dalam daftar kode nasional" in text
    )
    assert "pemetaan 'bpd' memakai kegiatan 1.1.88" in text
    assert "pemetaan 'bpd' memakai rekening 5.1.5 yang bukan objek" in text
    assert "pemetaan 'bpd' tanpa tingkat keyakinan" in text
    assert "kategori 'lurah' tidak dikenal" in text
    assert "aturan ke-1: minimum dan max_age harus bilangan bulat" in text
    assert "aturan ke-2: tingkat keyakinan harus H, M atau L" in text
    assert "aturan ke-2: kategori atau sumber dana tidak dikenal" in text
    assert "aturan ke-3: jenis aturan 'libur' tidak dikenal" in text
