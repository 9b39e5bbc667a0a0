"""APBDes lines from a simulation: grouping, uraian, volume, harga satuan, overrides, exact sums."""

import pytest
from codes_helpers import CATALOG, mapping, person, sim
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_budget.budget.lines import build_lines, program_words
from desa_budget.contributions.results import PersonYear
from desa_budget.errors import UserError
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

ALL = ("JKK", "JKM", "JHT", "JP")


def village() -> tuple[PersonYear, ...]:
    return (
        # Kades 3.800.000, all programs, worker shares withheld: desa 9.120 + 11.400 + 140.600
        # + 76.000 = 237.120 / month -> 2.845.440; withheld 76.000 + 38.000 = 114.000 -> 1.368.000
        person(1, "kepala_desa", [237_120] * 12, basis=3_800_000, programs=ALL, potongan=114_000),
        # Sekdes 2.224.420: 5.339 + 6.673 = 12.012 -> 144.144
        person(2, "sekretaris_desa", [12_012] * 12, basis=2_224_420),
        # Perangkat 2.022.200: 4.853 + 6.067 = 10.920; 12 months + 5 months (Aug-Dec) -> 185.640
        person(3, "perangkat_desa", [10_920] * 12, basis=2_022_200),
        person(4, "perangkat_desa", [10_920] * 5, basis=2_022_200, first_month=8),
        # BPD 1.500.000: 3.600 + 4.500 = 8.100 -> 97.200
        person(5, "bpd", [8_100] * 12, basis=1_500_000),
        # RT 2.000.000 at 0,54 %: 10.800 -> 129.600; a second RT paid by the Pemda makes no line
        person(6, "rt_rw", [10_800] * 12),
        person(7, "rt_rw", [10_800] * 12, payer="pemda"),
        # Pekerja rentan BPU 16.800 -> 201.600; one halved from April (PP 50/2025 switched on):
        # 3 × 16.800 + 9 × 8.400 = 126.000
        person(8, "pekerja_rentan", [16_800] * 12, basis=1_000_000),
        person(9, "pekerja_rentan", [16_800] * 3 + [8_400] * 9, basis=1_000_000),
    )


def test_hand_built_village_lines() -> None:
    s = sim(*village())
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    got = [
        (
            ln.kegiatan, ln.rekening, ln.sumber_dana, ln.uraian, ln.volume, ln.satuan,
            ln.harga_satuan, ln.jumlah, ln.person_ids,
        )
        for ln in lines.lines
    ]  # fmt: skip
    assert got == [
        ("1.1.03", "5.1.3.03", "ADD", "Iuran JKK, JKM, JHT dan JP Kepala Desa", 12, "OB",
         237_120, 2_845_440, (1,)),
        ("1.1.03", "5.1.3.04", "ADD", "Iuran JKK dan JKM Sekretaris Desa", 12, "OB",
         12_012, 144_144, (2,)),
        ("1.1.03", "5.1.3.04", "ADD", "Iuran JKK dan JKM Perangkat Desa", 17, "OB",
         10_920, 185_640, (3, 4)),
        ("1.1.07", "5.2.2.03", "ADD", "Iuran JKK dan JKM RT/RW", 12, "OB", 10_800, 129_600, (6,)),
        ("1.1.09", "5.1.5.02", "ADD", "Iuran JKK dan JKM BPD", 12, "OB", 8_100, 97_200, (5,)),
        ("3.1.90", "5.2.7.90", "ADD", "Iuran JKK dan JKM Pekerja Rentan", 24, "OB",
         None, 327_600, (8, 9)),
    ]  # fmt: skip
    # 2.845.440 + 144.144 + 185.640 + 129.600 + 97.200 + 327.600
    assert lines.total == s.desa == 3_729_624
    assert lines.potongan == s.potongan == 1_368_000
    (withheld,) = lines.potongan_lines
    assert (withheld.kategori, withheld.jumlah, withheld.person_ids) == (
        "kepala_desa",
        1_368_000,
        (1,),
    )


def test_a_bpu_worker_s_own_jht_is_named_as_their_own_payment() -> None:
    # A pekerja rentan has no siltap to withhold from: the JHT they pay is their own payment.
    rentan = person(8, "pekerja_rentan", [16_800] * 12, basis=1_000_000, potongan=20_000)
    kades = person(
        1, "kepala_desa", [237_120] * 12, basis=3_800_000, programs=ALL, potongan=114_000
    )
    lines = build_lines(sim(kades, rentan), catalog=CATALOG, mapping=mapping())
    by_kategori = {line.kategori: line.uraian for line in lines.potongan_lines}
    assert by_kategori["kepala_desa"] == "Iuran pekerja dipotong dari penghasilan Kepala Desa"
    assert "dipotong" not in by_kategori["pekerja_rentan"]
    assert by_kategori["pekerja_rentan"].startswith("Iuran mandiri peserta Pekerja Rentan")


def test_a_different_program_set_makes_its_own_line() -> None:
    s = sim(
        person(1, "perangkat_desa", [10_920] * 12),
        person(2, "perangkat_desa", [85_742] * 12, programs=("JKK", "JKM", "JHT")),
    )
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    assert [ln.uraian for ln in lines.lines] == [
        "Iuran JKK dan JKM Perangkat Desa",
        "Iuran JKK, JKM dan JHT Perangkat Desa",
    ]
    assert program_words(("JKM", "JKK")) == "JKK dan JKM"
    assert program_words(("JKK",)) == "JKK"


def test_harga_satuan_only_when_every_person_month_costs_the_same() -> None:
    same = sim(person(1, "rt_rw", [10_800] * 12), person(2, "rt_rw", [10_800] * 3))
    (line,) = build_lines(same, catalog=CATALOG, mapping=mapping()).lines
    assert (line.volume, line.harga_satuan, line.jumlah) == (15, 10_800, 162_000)
    # Same yearly sum per person, different monthly amounts: no single price.
    mixed = sim(person(1, "rt_rw", [10_800] * 12), person(2, "rt_rw", [11_623] * 12))
    (line,) = build_lines(mixed, catalog=CATALOG, mapping=mapping()).lines
    assert (line.volume, line.harga_satuan, line.jumlah) == (24, None, 129_600 + 139_476)


def test_a_persons_own_codes_move_them_to_another_line() -> None:
    catalog = CATALOG.with_local([("rekening", "5.1.3.91", "Jamsos Perangkat (lokal)")])
    s = sim(
        person(1, "perangkat_desa", [10_920] * 12),
        person(2, "perangkat_desa", [10_920] * 12, rekening="5.1.3.91."),  # Siskeudes form
        person(3, "perangkat_desa", [10_920] * 12, sumber="pbk"),
        person(4, "perangkat_desa", [10_920] * 12, kegiatan="01.01.03."),  # = the default
    )
    lines = build_lines(s, catalog=catalog, mapping=mapping())
    assert [(ln.rekening, ln.sumber_dana, ln.person_ids) for ln in lines.lines] == [
        ("5.1.3.04", "ADD", (1, 4)),
        ("5.1.3.04", "PBK", (3,)),
        ("5.1.3.91", "ADD", (2,)),
    ]
    assert lines.total == s.desa == 4 * 131_040


def test_pemda_paid_persons_make_no_line_and_no_potongan() -> None:
    s = sim(person(1, "kepala_desa", [237_120] * 12, potongan=114_000, payer="pemda"))
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    assert lines.lines == () and lines.potongan_lines == ()
    assert lines.total == s.desa == 0 and s.pemda == 12 * (237_120 + 114_000)


def test_a_category_without_codes_is_a_user_error() -> None:
    partial = {k: v for k, v in mapping().items() if k != "lkd"}
    s = sim(person(1, "lkd", [10_800] * 12))
    with pytest.raises(UserError, match="LKD belum punya kode"):
        build_lines(s, catalog=CATALOG, mapping=partial)
    own = sim(person(1, "lkd", [10_800] * 12, kegiatan="1.1.90", rekening="5.2.7.90", sumber="ADD"))
    assert build_lines(own, catalog=CATALOG, mapping=partial).total == 129_600


persons_strategy = st.lists(
    st.tuples(
        st.sampled_from(categories.KEYS),
        st.lists(st.integers(min_value=0, max_value=900_000), min_size=1, max_size=12),
        st.integers(min_value=0, max_value=150_000),  # potongan per month
        st.sets(st.sampled_from(PROGRAMS), min_size=1),
        st.sampled_from([None, "PBK", "PAD", "dds"]),
        st.sampled_from([None, "5.1.3.04", "5.2.7.90"]),
        st.sampled_from(["desa", "desa", "pemda"]),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(persons_strategy)
def test_lines_always_sum_exactly_to_the_simulation(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    persons = [
        person(
            i, kat, months, potongan=pot, payer=payer, sumber=sd, rekening=rek,
            programs=tuple(p for p in PROGRAMS if p in progs),
        )
        for i, (kat, months, pot, progs, sd, rek, payer) in enumerate(rows, start=1)
    ]  # fmt: skip
    s = sim(*persons)
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    assert lines.total == s.desa
    assert lines.potongan == s.potongan
    by_id = {p.person_id: p for p in s.persons}
    covered = [pid for ln in lines.lines for pid in ln.person_ids]
    assert sorted(covered) == sorted(p.person_id for p in s.apbdes_persons if p.desa)
    for ln in lines.lines:
        assert ln.jumlah == sum(by_id[pid].desa for pid in ln.person_ids)
        assert ln.volume == sum(len(by_id[pid].monthly) for pid in ln.person_ids)
        if ln.harga_satuan is not None:
            assert ln.harga_satuan * ln.volume == ln.jumlah
    # Deterministic: the same lines whatever order the roster came in.
    again = build_lines(sim(*reversed(persons)), catalog=CATALOG, mapping=mapping())
    assert [(ln.uraian, ln.rekening, ln.sumber_dana, ln.jumlah) for ln in again.lines] == [
        (ln.uraian, ln.rekening, ln.sumber_dana, ln.jumlah) for ln in lines.lines
    ]
