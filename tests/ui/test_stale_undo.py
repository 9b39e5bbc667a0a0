"""A stale undo on a shared database (SQLite file and PostgreSQL): operator A edits in the window,
colleague B later edits the same row from another PC, A presses Ctrl+Z — the undo is refused with
"diubah oleh pengguna lain", B's value stays, and A's history is dropped."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session
from two_operators import BACKENDS, STALE, Operators, two_operators
from ui_helpers import YEAR

from desa_budget.budget import coverage, scenarios, versions
from desa_budget.budget import settings as bs
from desa_budget.projection.assumptions import ProjectionParams, read_params, save_params
from desa_budget.roster import service as roster
from desa_budget.rules import RuleSet
from desa_budget.village.profile import get_profile, save_profile
from ui.commands import EditCommand, push
from ui.commands.budget import (
    AddLocalCodeCommand,
    AdoptVersionCommand,
    ApplyPlanCommand,
    MappingCommand,
    PersonCodesCommand,
    SaveScenarioCommand,
    SetPaguCommand,
    SetTotalBelanjaCommand,
)
from ui.commands.projection import SaveProjectionCommand
from ui.commands.roster import EndPostCommand, SetCoverageCommand, UpdatePersonCommand
from ui.commands.village import SaveProfileCommand
from ui.dialogs.adopt_dialog import AdoptForm
from ui.dialogs.code_dialogs import LocalCodeForm
from ui.main_window import MainWindow
from ui.settings import Settings


@dataclass(frozen=True)
class Edit:
    """A's edit (a command built from what the window read), B's later edit of the same row,
    and what is stored afterwards, which must be B's."""

    a_command: Callable[[Operators, Session], EditCommand]
    b_edits: Callable[[Operators, Session], object]
    stored: Callable[[Operators, Session], object]
    b_value: object
    message: str = STALE


def _person(ops: Operators, s: Session) -> roster.PersonDetail:
    return roster.get_person(s, ops.person_id)


def _rt_codes(sumber: str) -> dict[str, str]:
    return {"kode_kegiatan": "1.1.07", "kode_rekening": "5.2.2.03", "sumber_dana": sumber}


EDITS: dict[str, Edit] = {
    "orang": Edit(
        lambda ops, s: UpdatePersonCommand(
            ops.a,
            ops.person_id,
            _person(ops, s).person,
            replace(_person(ops, s).person, nama="Tarjo A"),
            version=_person(ops, s).version,
        ),  # fmt: skip
        lambda ops, s: roster.update_person(
            s, ops.person_id, replace(_person(ops, s).person, nama="Tarjo B"), operator="B"
        ),
        lambda ops, s: _person(ops, s).person.nama,
        "Tarjo B",
    ),
    "jabatan": Edit(
        lambda ops, s: EndPostCommand(
            ops.a,
            _person(ops, s).posts[0].id,
            "Ketua RT 01",
            None,
            date(YEAR, 6, 30),
            version=_person(ops, s).posts[0].version,
        ),  # fmt: skip
        lambda ops, s: roster.update_post(
            s,
            _person(ops, s).posts[0].id,
            replace(_person(ops, s).posts[0].data, jabatan="Ketua RT 02"),
            operator="B",
        ),  # fmt: skip
        lambda ops, s: (_person(ops, s).posts[0].data.jabatan, _person(ops, s).posts[0].data.akhir),
        ("Ketua RT 02", date(YEAR, 6, 30)),
    ),
    "kepesertaan": Edit(
        lambda ops, s: SetCoverageCommand(
            ops.a,
            ops.person_id,
            "Tarjo",
            _person(ops, s).coverages[0],
            replace(_person(ops, s).coverages[0].data, dasar_upah=2_500_000),
        ),  # fmt: skip
        lambda ops, s: roster.set_coverage(
            s,
            ops.person_id,
            replace(_person(ops, s).coverages[0].data, dasar_upah=3_000_000),
            operator="B",
        ),  # fmt: skip
        lambda ops, s: _person(ops, s).coverages[0].data.dasar_upah,
        3_000_000,
    ),
    "kode kategori": Edit(
        lambda ops, s: MappingCommand(
            ops.a,
            bs.effective_mapping(s)["rt_rw"],
            bs.CategoryCodes("rt_rw", "1.1.07", "5.2.2.03", "PAD", village_set=True),
        ),  # fmt: skip
        lambda ops, s: bs.set_category_mapping(s, "rt_rw", **_rt_codes("PBK"), operator="B"),
        lambda ops, s: bs.effective_mapping(s)["rt_rw"].sumber_dana,
        "PBK",
    ),
    "kode lokal": Edit(
        lambda ops, s: AddLocalCodeCommand(ops.a, LocalCodeForm("rekening", "5.1.3.93", "Linmas")),
        lambda ops, s: (
            bs.remove_local_code(s, jenis="rekening", kode="5.1.3.93", operator="B"),
            bs.add_local_code(
                s, jenis="rekening", kode="5.1.3.93", uraian="Linmas B", operator="B"
            ),
        ),
        lambda ops, s: [c.uraian for c in bs.local_codes(s)],
        ["Linmas B"],
    ),
    "kode per orang": Edit(
        lambda ops, s: PersonCodesCommand(
            ops.a,
            ops.person_id,
            "Tarjo",
            YEAR,
            (None, None, "PAD"),
            version=roster.coverage_versions(s, YEAR)[ops.person_id],
        ),  # fmt: skip
        lambda ops, s: bs.set_person_codes(
            s,
            ops.person_id,
            YEAR,
            kode_kegiatan=None,
            kode_rekening=None,
            sumber_dana="PBK",
            operator="B",
        ),  # fmt: skip
        lambda ops, s: _person(ops, s).coverages[0].data.sumber_dana,
        "PBK",
    ),
    "total belanja": Edit(
        lambda ops, s: SetTotalBelanjaCommand(ops.a, bs.get_budget_year(s, YEAR), 900_000_000),
        lambda ops, s: bs.set_total_belanja(s, YEAR, 800_000_000, operator="B"),
        lambda ops, s: bs.get_budget_year(s, YEAR).total_belanja,
        800_000_000,
    ),
    "pagu": Edit(
        lambda ops, s: SetPaguCommand(ops.a, bs.get_budget_year(s, YEAR), 45_000_000),
        lambda ops, s: bs.set_pagu(s, YEAR, 50_000_000, operator="B"),
        lambda ops, s: bs.get_budget_year(s, YEAR).pagu,
        50_000_000,
    ),
    "skenario": Edit(
        lambda ops, s: SaveScenarioCommand(
            ops.a,
            year=YEAR,
            name="Hemat",
            params=scenarios.ScenarioParams(pagu=5_000_000),
            existing=None,
        ),  # fmt: skip
        lambda ops, s: scenarios.save_scenario(
            s,
            year=YEAR,
            name="Hemat",
            params=scenarios.ScenarioParams(pagu=6_000_000),
            operator="B",
        ),  # fmt: skip
        lambda ops, s: {i.nama: i.params.pagu for i in scenarios.list_scenarios(s, YEAR)},
        {"Hemat": 6_000_000},
    ),
    "rencana": Edit(
        lambda ops, s: ApplyPlanCommand(
            ops.a, YEAR, scenarios.ScenarioParams(pagu=5_000_000), coverage.read_applied(s, YEAR)
        ),
        lambda ops, s: coverage.apply_plan(
            s, ops.a.rules, YEAR, scenarios.ScenarioParams(pagu=6_000_000), operator="B"
        ),
        lambda ops, s: getattr(coverage.read_applied(s, YEAR), "pagu", None),
        6_000_000,
    ),
    "profil": Edit(
        lambda ops, s: SaveProfileCommand(
            ops.a,
            get_profile(s),
            replace(get_profile(s), alamat="Jl. A"),  # type: ignore[arg-type]
        ),
        lambda ops, s: save_profile(s, replace(get_profile(s), alamat="Jl. B"), operator="B"),  # type: ignore[arg-type]
        lambda ops, s: get_profile(s).alamat,  # type: ignore[union-attr]
        "Jl. B",
    ),
    "asumsi proyeksi": Edit(
        lambda ops, s: SaveProjectionCommand(
            ops.a, read_params(s, YEAR), ProjectionParams(YEAR, jumlah_tahun=4)
        ),
        lambda ops, s: save_params(s, ProjectionParams(YEAR, jumlah_tahun=5), operator="B"),
        lambda ops, s: read_params(s, YEAR).params.jumlah_tahun,
        5,
    ),
    "penetapan": Edit(
        lambda ops, s: AdoptVersionCommand(ops.a, YEAR, AdoptForm("murni", "3", None, "", None)),
        lambda ops, s: versions.adopt_version(
            s, ops.a.rules, year=YEAR, jenis="perubahan", operator="B"
        ),
        lambda ops, s: [v.jenis for v in versions.list_versions(s, YEAR)],
        ["murni", "perubahan"],
        message="APBDes Perubahan sudah ditetapkan",
    ),
}


@pytest.fixture(params=BACKENDS)
def ops(
    request: pytest.FixtureRequest, tmp_path: Path, rules: RuleSet, settings: Settings
) -> Iterator[Operators]:
    with two_operators(request.param, tmp_path / "data", rules, settings) as made:
        yield made


@pytest.fixture
def window(qtbot: QtBot, ops: Operators) -> MainWindow:
    made = MainWindow(ops.a)
    qtbot.addWidget(made)
    return made


@pytest.mark.parametrize("kind", list(EDITS))
def test_a_stale_undo_is_refused_and_the_colleagues_value_stays(
    kind: str, ops: Operators, window: MainWindow, qtbot: QtBot, boxes: Any
) -> None:
    edit = EDITS[kind]
    with ops.a.db.session() as s:  # what the window shows when A acts
        command = edit.a_command(ops, s)
    push(ops.a, command)
    assert ops.a.undo_stack.count() == 1
    with ops.b.session() as s:  # later, from the other PC
        edit.b_edits(ops, s)

    window.undo_action.trigger()  # Ctrl+Z

    assert [type(e).__name__ for e in ops.failures] == [
        "ConcurrentEditError" if edit.message == STALE else "UserError"
    ]
    assert any(edit.message in text for text in boxes.texts()), boxes.texts()
    with ops.b.session() as s:
        assert edit.stored(ops, s) == edit.b_value
    qtbot.waitUntil(lambda: ops.a.undo_stack.count() == 0)  # A's history is dropped


def test_an_undo_nobody_interfered_with_goes_through(ops: Operators, window: MainWindow) -> None:
    """The same steps without B: the version A's edit left is the one its undo finds."""
    for kind, edit in EDITS.items():
        with ops.a.db.session() as s:
            before = edit.stored(ops, s)
            command = edit.a_command(ops, s)
        push(ops.a, command)
        with ops.a.db.session() as s:
            assert edit.stored(ops, s) != before, kind
        window.undo_action.trigger()
        with ops.b.session() as s:
            assert edit.stored(ops, s) == before, kind
        window.redo_action.trigger()
        window.undo_action.trigger()
    assert ops.failures == []
    assert ops.a.undo_stack.index() == 0
