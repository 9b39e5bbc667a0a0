"""Every table model passes Qt's model tester, and the roster filters find what a user types."""

import pytest
from pytestqt.modeltest import ModelTester
from ui_helpers import YEAR, new_person_form

from desa_budget.contributions.simulation import simulate
from desa_budget.contributions.summary import category_totals, program_totals
from desa_budget.errors import UserError
from desa_budget.roster.service import list_roster
from desa_budget.roster.workbook.parse import FieldChange, ImportEntry, ImportPlan
from desa_budget.roster.workbook.problems import ImportProblem, ImportRefused, problems_of
from ui.app_context import AppContext
from ui.models.import_models import (
    ImportAddModel,
    ImportChangeModel,
    ImportProblemModel,
    change_rows,
)
from ui.models.roster_model import ACTIVE_ONLY, ENDED_ONLY, RosterFilterModel, RosterModel
from ui.models.summary_models import (
    WARNING,
    CategoryModel,
    Finding,
    FindingModel,
    ProgramModel,
)
from ui.models.table_model import ROW_ROLE, SORT_ROLE


@pytest.fixture
def roster_model(ctx: AppContext) -> RosterModel:
    model = RosterModel()
    with ctx.db.session() as session:
        model.set_rows(list_roster(session, YEAR, rules=ctx.rules))
    return model


def test_roster_model_passes_the_model_tester(
    qtmodeltester: ModelTester, roster_model: RosterModel
) -> None:
    qtmodeltester.check(roster_model, force_py=True)
    row = roster_model.index(0, RosterModel.DESA)
    assert isinstance(row.data(SORT_ROLE), int)
    assert row.data(ROW_ROLE).nama == roster_model.index(0, RosterModel.NAMA).data()


def test_roster_proxy_passes_the_model_tester_while_filtering(
    qtmodeltester: ModelTester, roster_model: RosterModel
) -> None:
    proxy = RosterFilterModel()
    proxy.setSourceModel(roster_model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_search("kaur")
    assert proxy.rowCount() > 0
    assert all("kaur" in r.jabatan.casefold() for r in proxy.visible_rows())
    proxy.set_search("")
    proxy.set_filters(kategori="bpd")
    assert proxy.rowCount() == 9
    proxy.set_filters(segmen="BPU")
    assert {r.kategori for r in proxy.visible_rows()} <= {"pekerja_rentan", "rt_rw"}
    proxy.set_filters(status_bpjs="belum")
    assert all(r.status_bpjs == "belum" for r in proxy.visible_rows())
    proxy.set_filters(keadaan=ENDED_ONLY)
    assert proxy.rowCount() == 0  # everyone in the demo is in post in its year
    proxy.set_filters(keadaan=ACTIVE_ONLY)
    assert proxy.rowCount() == roster_model.rowCount()


def test_the_ended_filter_shows_who_is_not_in_post(ctx: AppContext) -> None:
    # Five years earlier most of the demo's people had not started: not in post that year.
    with ctx.db.session() as session:
        rows = list_roster(session, YEAR - 5, rules=ctx.rules)
    model = RosterModel()
    model.set_rows(rows)
    proxy = RosterFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filters(keadaan=ENDED_ONLY)
    shown = proxy.visible_rows()
    assert len(shown) == sum(1 for r in rows if not r.aktif) > 0
    assert not any(r.aktif for r in shown)
    proxy.set_filters(keadaan=ACTIVE_ONLY)
    assert proxy.rowCount() == len(rows) - len(shown)


def test_search_by_nik_and_sorting_by_amount(roster_model: RosterModel) -> None:
    proxy = RosterFilterModel()
    proxy.setSourceModel(roster_model)
    nik = roster_model.row_at(3).nik
    proxy.set_search(nik[-6:])
    assert [r.nik for r in proxy.visible_rows()] == [nik]
    proxy.set_search("")
    proxy.sort(RosterModel.DESA)
    amounts = [r.desa for r in proxy.visible_rows()]
    assert amounts == sorted(amounts)


def test_sorting_keeps_the_selection_and_a_reload_keeps_the_order(
    roster_model: RosterModel, ctx: AppContext
) -> None:
    from PySide6.QtCore import QItemSelectionModel, Qt

    proxy = RosterFilterModel()
    proxy.setSourceModel(roster_model)
    given = [r.nik for r in proxy.visible_rows()]
    given_names = [r.nama.casefold() for r in proxy.visible_rows()]
    selection = QItemSelectionModel(proxy)
    chosen = proxy.index(2, 0)
    nik = chosen.data(ROW_ROLE).nik
    selection.select(chosen, QItemSelectionModel.SelectionFlag.Select)
    proxy.sort(RosterModel.NAMA, Qt.SortOrder.DescendingOrder)
    names = [r.nama.casefold() for r in proxy.visible_rows()]
    assert names == sorted(names, reverse=True) != given_names
    assert [i.data(ROW_ROLE).nik for i in selection.selectedIndexes()] == [nik]
    with ctx.db.session() as session:  # a reload (refresh) keeps the order the user chose
        roster_model.set_rows(list_roster(session, YEAR, rules=ctx.rules))
    assert [r.nama.casefold() for r in proxy.visible_rows()] == names
    proxy.set_search("a")
    shown = [proxy.index(n, 0).data(ROW_ROLE) for n in range(proxy.rowCount())]
    assert proxy.visible_rows() == shown and 0 < len(shown) < len(given)
    proxy.set_search("")
    proxy.sort(-1)  # the roster's own order again
    assert [r.nik for r in proxy.visible_rows()] == given


def test_beranda_models_pass_the_model_tester(qtmodeltester: ModelTester, ctx: AppContext) -> None:
    with ctx.db.session() as session:
        sim = simulate(session, ctx.rules, YEAR)
    categories = CategoryModel()
    categories.set_rows(category_totals(sim))
    qtmodeltester.check(categories, force_py=True)
    programs = ProgramModel()
    programs.set_rows(program_totals(sim))
    qtmodeltester.check(programs, force_py=True)
    assert sum(line.desa for line in program_totals(sim)) == sim.desa
    findings = FindingModel()
    findings.set_rows([Finding(WARNING, "Periksa ini")])
    qtmodeltester.check(findings, force_py=True)


def _plan() -> ImportPlan:
    form = new_person_form()
    added = ImportEntry(rows=(2,), person=form.person, posts=(form.post,), coverage=form.coverage)
    changed = ImportEntry(
        rows=(3, 4),
        person=form.person,
        posts=(form.post,),
        coverage=form.coverage,
        person_id=7,
        changes=(FieldChange("Dasar Upah", "1.000.000", "1.500.000"),),
    )
    return ImportPlan(year=YEAR, file_name="x.xlsx", entries=(added, changed), matched=True)


def test_import_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    plan = _plan()
    adds = ImportAddModel()
    adds.set_rows(plan.adds)
    qtmodeltester.check(adds, force_py=True)
    changes = ImportChangeModel()
    changes.set_rows(change_rows(plan))
    qtmodeltester.check(changes, force_py=True)
    assert changes.index(0, ImportChangeModel.BARU).data() == "1.500.000"
    errors = ImportProblemModel()
    errors.set_rows([ImportProblem(7, "Tanggal Lahir", "31-02-1980", "Tanggal tidak sah.")])
    qtmodeltester.check(errors, force_py=True)


def test_import_problems_show_row_column_and_value_from_the_record() -> None:
    refused = ImportRefused(
        "Impor dibatalkan.", [ImportProblem(12, "NIK", "12345", "NIK harus 16 angka.")]
    )
    model = ImportProblemModel()
    model.set_rows(problems_of(refused))
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown == ["12", "NIK", "12345", "NIK harus 16 angka."]
    model.set_rows(problems_of(UserError("Berkas kosong.")))
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown == ["", "", "", "Berkas kosong."]
