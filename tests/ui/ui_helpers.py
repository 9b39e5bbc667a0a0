"""Shared values and builders for the UI tests."""

from datetime import date
from typing import Any

from desa_budget.roster.service import CoverageData, PersonData, PostData
from ui.dialogs.person_dialog import PersonForm

YEAR = 2026
OPERATOR = "penguji"

# A valid NIK for the demo village's region (330212): born 17-08-1990, male, serial 0777.
NEW_NIK = "3302121708900777"


def new_person_form(*, dasar_upah: int = 1_500_000, nama: str = "Tarjo Wiryo") -> PersonForm:
    return PersonForm(
        person=PersonData(
            nik=NEW_NIK, nama=nama, jenis_kelamin="L", tanggal_lahir=date(1990, 8, 17)
        ),
        post=PostData(kategori="rt_rw", jabatan="Ketua RT 09", mulai=date(YEAR, 1, 1)),
        post_id=None,
        coverage=CoverageData(
            tahun=YEAR, segmen="PU", dasar_upah=dasar_upah, programs=("JKK", "JKM")
        ),
    )


def saved_form(form: PersonForm | None) -> Any:
    """A stand-in for ``PersonDialog.ask``: the user fills in ``form`` and presses Simpan."""

    def ask(cls: type, parent: object, **kwargs: Any) -> PersonForm | None:
        if form is not None:
            kwargs["save"](form)
        return form

    return classmethod(ask)
