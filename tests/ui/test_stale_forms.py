"""A stale edit from the window on a shared database (SQLite file and PostgreSQL): the page or form
read a row, colleague B saved it from another PC meanwhile, A saves — refused with "diubah oleh
pengguna lain", B's value stays, nothing lands on A's undo stack. One test per kind of edit."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from two_operators import BACKENDS, STALE, Operators, two_operators
from ui_helpers import YEAR

from desa_budget.budget import settings as bs
from desa_budget.errors import UserError
from desa_budget.roster import service as roster
from desa_budget.rules import RuleSet
from desa_budget.village.profile import get_profile, save_profile
from ui import errors
from ui.dialogs.code_dialogs import PersonCodesDialog, PersonCodesForm
from ui.dialogs.mapping_dialog import MappingChoice, MappingDialog
from ui.dialogs.person_dialog import PersonDialog, PersonForm
from ui.pages.kode_anggaran import KodeAnggaranPage
from ui.pages.pengaturan import PengaturanPage
from ui.pages.rencana import RencanaPage
from ui.pages.roster import RosterPage
from ui.settings import Settings


@pytest.fixture(params=BACKENDS)
def ops(
    request: pytest.FixtureRequest, tmp_path: Path, rules: RuleSet, settings: Settings
) -> Iterator[Operators]:
    with two_operators(request.param, tmp_path / "data", rules, settings) as made:
        yield made
    assert made.failures == []


def refused(ops: Operators, boxes: Any) -> None:
    assert any(STALE in text for text in boxes.texts()), boxes.texts()
    assert ops.a.undo_stack.count() == 0


def person(ops: Operators) -> roster.PersonDetail:
    with ops.b.session() as s:
        return roster.get_person(s, ops.person_id)


@pytest.mark.parametrize("part", ["orang", "jabatan", "kepesertaan"])
def test_a_stale_person_form_is_refused(
    part: str, ops: Operators, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    page = RosterPage(ops.a)
    qtbot.addWidget(page)
    page.refresh()
    seen = person(ops)
    post, coverage = seen.posts[0], seen.coverages[0]

    def ask(cls: type, parent: Any, **kwargs: Any) -> PersonForm | None:
        with ops.b.session() as s:  # while A's form is open, B saves the same row
            if part == "orang":
                roster.update_person(s, seen.id, replace(seen.person, nama="Tarjo B"), operator="B")
            elif part == "jabatan":
                roster.update_post(
                    s, post.id, replace(post.data, jabatan="Ketua RT 02"), operator="B"
                )
            else:
                roster.set_coverage(
                    s, seen.id, replace(coverage.data, dasar_upah=3_000_000), operator="B"
                )
        form = PersonForm(seen.person, post.data, post.id, coverage.data)
        if part == "orang":
            form = replace(form, person=replace(seen.person, nama="Tarjo A"))
        elif part == "jabatan":
            form = replace(form, post=replace(post.data, jabatan="Ketua RT 03"))
        else:
            form = replace(form, coverage=replace(coverage.data, dasar_upah=2_500_000))
        try:
            kwargs["save"](form)  # Simpan: the real form shows the refusal and stays open
        except UserError as exc:
            errors.show_user_error(parent, exc)
            return None
        return form

    monkeypatch.setattr(PersonDialog, "ask", classmethod(ask))
    page.edit_person(seen.id)

    refused(ops, boxes)
    now = person(ops)
    assert (now.person.nama, now.posts[0].data.jabatan, now.coverages[0].data.dasar_upah) == {
        "orang": ("Tarjo B", "Ketua RT 01", 2_000_000),
        "jabatan": ("Tarjo", "Ketua RT 02", 2_000_000),
        "kepesertaan": ("Tarjo", "Ketua RT 01", 3_000_000),
    }[part]


def test_stale_codes_are_refused(
    ops: Operators, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    page = KodeAnggaranPage(ops.a)
    qtbot.addWidget(page)
    page.refresh()

    def choose(cls: type, parent: object, *args: Any) -> MappingChoice:
        with ops.b.session() as s:
            bs.set_category_mapping(
                s, "rt_rw", kode_kegiatan="1.1.07", kode_rekening="5.2.2.03", sumber_dana="PBK",
                operator="B",
            )  # fmt: skip
        return MappingChoice("1.1.07", "5.2.2.03", "PAD")

    monkeypatch.setattr(MappingDialog, "ask", classmethod(choose))
    page.select_category("rt_rw")
    page.mapping_tab.edit_button.click()
    refused(ops, boxes)

    with ops.b.session() as s:  # B gives the person own codes after A's page was read
        bs.set_person_codes(
            s, ops.person_id, YEAR, kode_kegiatan=None, kode_rekening=None, sumber_dana="PBK",
            operator="B",
        )  # fmt: skip
    monkeypatch.setattr(
        PersonCodesDialog,
        "ask",
        classmethod(lambda cls, *a, **k: PersonCodesForm(ops.person_id, None, None, "PAD")),
    )
    page.persons_tab.person_button.click()
    refused(ops, boxes)
    with ops.b.session() as s:
        assert bs.effective_mapping(s)["rt_rw"].sumber_dana == "PBK"
        assert roster.get_person(s, ops.person_id).coverages[0].data.sumber_dana == "PBK"


def test_a_stale_budget_year_is_refused_from_either_page(
    ops: Operators, qtbot: QtBot, boxes: Any
) -> None:
    kode, rencana = KodeAnggaranPage(ops.a), RencanaPage(ops.a)
    for page in (kode, rencana):
        qtbot.addWidget(page)
        page.refresh()
    with ops.b.session() as s:
        bs.set_pagu(s, YEAR, 50_000_000, operator="B")
        bs.set_total_belanja(s, YEAR, 800_000_000, operator="B")
    kode.checks.total_belanja.set_value(900_000_000)
    kode.checks.save_total_button.click()
    refused(ops, boxes)
    boxes.shown.clear()
    rencana.inputs.pagu.set_value(45_000_000)
    rencana.inputs.save_pagu_button.click()
    refused(ops, boxes)
    with ops.b.session() as s:
        year = bs.get_budget_year(s, YEAR)
    assert (year.total_belanja, year.pagu) == (800_000_000, 50_000_000)


def test_a_stale_profile_is_refused(ops: Operators, qtbot: QtBot, boxes: Any) -> None:
    page = PengaturanPage(ops.a)
    qtbot.addWidget(page)
    page.refresh()
    with ops.b.session() as s:
        profile = get_profile(s)
        assert profile is not None
        save_profile(s, replace(profile, alamat="Jl. B"), operator="B")
    page.profile_form.kepala_desa_nama.setText("Karto A")
    page.save_profile_button.click()
    refused(ops, boxes)
    with ops.b.session() as s:
        now = get_profile(s)
    assert now is not None and (now.alamat, now.kepala_desa_nama) == ("Jl. B", "")


def test_deleting_someone_a_colleague_just_changed_is_refused(
    ops: Operators, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    page = RosterPage(ops.a)
    qtbot.addWidget(page)
    page.refresh()
    page.select_persons([ops.person_id])

    def confirm(*args: Any, **kwargs: Any) -> bool:
        with ops.b.session() as s:  # while A's confirmation is open
            seen = roster.get_person(s, ops.person_id)
            roster.update_person(s, seen.id, replace(seen.person, nama="Tarjo B"), operator="B")
        return True

    monkeypatch.setattr("ui.msgbox.confirm", confirm)
    page.delete_button.click()
    refused(ops, boxes)
    assert person(ops).person.nama == "Tarjo B"
