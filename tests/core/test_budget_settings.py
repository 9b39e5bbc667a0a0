"""Village code settings: mapping overrides fall back to the profile, local codes, person codes."""

import pytest
from budget_helpers import YEAR, small_village
from sqlalchemy import select

from desa_budget.budget import settings as bs
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.store.models import AuditEntry


def test_mapping_override_and_fallback(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        default = bs.effective_mapping(s)["rt_rw"]
        assert not default.village_set
        bs.set_category_mapping(
            s, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03", sumber_dana="PAD",
            operator="uji",
        )  # fmt: skip
    with db.session() as s:
        assert bs.sumber_by_category(s)["rt_rw"] == "PAD"
        assert bs.effective_mapping(s)["rt_rw"].village_set
        with pytest.raises(UserError):
            bs.set_category_mapping(
                s, "rt_rw", kode_kegiatan="9.9.99", kode_rekening="5.2.2.03", sumber_dana="PAD",
                operator="uji",
            )  # fmt: skip
        bs.reset_category_mapping(s, "rt_rw", operator="uji")
    with db.session() as s:
        assert bs.effective_mapping(s)["rt_rw"] == default
        logged = s.scalars(select(AuditEntry).where(AuditEntry.entitas == "pemetaan_kode")).all()
        assert {e.kolom for e in logged} >= {"sumber_dana"}


def test_local_codes_90_to_99(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        bs.add_local_code(
            s, jenis="rekening", kode="5.1.3.95", uraian="Jaminan Sosial Staf", operator="uji"
        )
        with pytest.raises(UserError):
            bs.add_local_code(s, jenis="rekening", kode="5.1.3.50", uraian="x", operator="uji")
        with pytest.raises(UserError, match="sudah ada"):
            bs.add_local_code(s, jenis="rekening", kode="5.1.3.95", uraian="y", operator="uji")
    with db.session() as s:
        assert [c.kode for c in bs.local_codes(s)] == ["5.1.3.95"]
        bs.set_category_mapping(
            s, "staf_desa", kode_kegiatan="1.1.03", kode_rekening="5.1.3.95", sumber_dana="ADD",
            operator="uji",
        )  # fmt: skip
        with pytest.raises(UserError, match="masih dipakai"):
            bs.remove_local_code(s, jenis="rekening", kode="5.1.3.95", operator="uji")
        bs.reset_category_mapping(s, "staf_desa", operator="uji")
        bs.remove_local_code(s, jenis="rekening", kode="5.1.3.95", operator="uji")
    with db.session() as s:
        assert bs.local_codes(s) == []


def test_person_codes_copy_the_coverage_to_the_year(tmp_path):  # type: ignore[no-untyped-def]
    db, ids = small_village(tmp_path)
    with db.session() as s:
        bs.set_person_codes(
            s, ids["Tarno"], YEAR + 1, kode_kegiatan=None, kode_rekening=None, sumber_dana="PAD",
            operator="uji",
        )  # fmt: skip
    with db.session() as s:
        covs = {c.data.tahun: c.data for c in roster.get_person(s, ids["Tarno"]).coverages}
        assert covs[YEAR].sumber_dana is None and covs[YEAR + 1].sumber_dana == "PAD"
        assert covs[YEAR + 1].dasar_upah == covs[YEAR].dasar_upah


def test_budget_year(tmp_path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        assert bs.get_budget_year(s, YEAR) == bs.BudgetYearData(YEAR, None, None)
        bs.set_budget_year(s, YEAR, total_belanja=1_500_000_000, pagu=60_000_000, operator="uji")
        with pytest.raises(UserError):
            bs.set_budget_year(s, YEAR, total_belanja=-1, pagu=None, operator="uji")
    with db.session() as s:
        assert bs.get_budget_year(s, YEAR).pagu == 60_000_000
        logged = s.scalars(select(AuditEntry).where(AuditEntry.entitas == "tahun_anggaran")).all()
        assert {e.kolom for e in logged} == {"total_belanja", "pagu"}
