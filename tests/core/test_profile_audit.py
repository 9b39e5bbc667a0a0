"""The village profile, the audit log, and the init command."""

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_helpers import Backend, backend_fixture

from desa_budget.cli import main
from desa_budget.errors import UserError
from desa_budget.store import audit
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import AuditEntry, Person, VillageProfile
from desa_budget.store.opening import open_database
from desa_budget.village.profile import ProfileData, get_profile, save_profile

backend = backend_fixture()

PROFILE = ProfileData(
    nama_desa="  Sukamaju ",
    kode_desa="3302122005",
    kecamatan="Sumbang",
    kabupaten="Banyumas",
    provinsi="Jawa Tengah",
    kepala_desa_nama="Karto Wijoyo",
)


def entries(s) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    rows = s.scalars(
        select(AuditEntry).where(AuditEntry.entitas == "profil").order_by(AuditEntry.id)
    )
    return [(e.kolom, e.nilai_lama, e.nilai_baru) for e in rows]


def test_new_profile_is_normalised_and_audited(backend: Backend) -> None:
    db = backend.open()
    with db.session() as s:
        save_profile(s, PROFILE, operator="Ani")
    with db.session() as s:
        saved = get_profile(s)
        assert saved is not None
        assert (saved.nama_desa, saved.kode_desa) == ("Sukamaju", "33.02.12.2005")
        logged = entries(s)
        assert ("kode_desa", None, "33.02.12.2005") in logged
        assert ("kepala_desa_nama", None, "Karto Wijoyo") in logged
        assert not [k for k, _, _ in logged if k == "alamat"]  # empty values are not news
        assert {e.operator for e in s.scalars(select(AuditEntry))} == {"Ani"}


def test_update_audits_only_the_changed_columns(backend: Backend) -> None:
    db = backend.open()
    with db.session() as s:
        save_profile(s, PROFILE, operator="Ani")
    with db.session() as s:
        first = get_profile(s)
        assert first is not None
        before = len(entries(s))
        save_profile(
            s, replace(first, kepala_desa_nama="Slamet", alamat="Jl. Desa 1"), operator="Budi"
        )
    with db.session() as s:
        assert sorted(entries(s)[before:]) == [
            ("alamat", "", "Jl. Desa 1"),
            ("kepala_desa_nama", "Karto Wijoyo", "Slamet"),
        ]
        assert s.scalar(select(func.count()).select_from(VillageProfile)) == 1


def test_bad_profile_lists_every_problem_and_saves_nothing(backend: Backend) -> None:
    db = backend.open()
    bad = replace(PROFILE, nama_desa=" ", kode_desa="33.02.12.1005", provinsi="")
    with pytest.raises(UserError) as info, db.session() as s:
        save_profile(s, bad, operator="Ani")
    assert info.value.message == "Profil desa belum dapat disimpan."
    text = "\n".join(info.value.details)
    assert "Nama desa wajib diisi" in text and "Provinsi wajib diisi" in text
    assert "kelurahan" in text
    with db.session() as s:
        assert get_profile(s) is None
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_saving_over_someone_elses_change_is_refused(backend: Backend) -> None:
    db = backend.open()
    with db.session() as s:
        save_profile(s, PROFILE, operator="Ani")
    with db.session() as s:
        seen = get_profile(s)
    assert seen is not None
    with db.session() as s:
        save_profile(s, replace(seen, alamat="Jl. Budi"), operator="Budi")
    with pytest.raises(ConcurrentEditError, match="muat ulang"), db.session() as s:
        save_profile(s, replace(seen, alamat="Jl. Ani"), operator="Ani")
    with db.session() as s:
        now = get_profile(s)
        assert now is not None and now.alamat == "Jl. Budi"


def test_current_operator(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "pak_sekdes")
    db = backend.open()
    with db.session() as s:
        assert audit.current_operator(s) == "pak_sekdes"  # no profile yet: the OS user
        save_profile(s, replace(PROFILE, operator_nama="Operator Desa"), operator="x")
    with db.session() as s:
        assert audit.current_operator(s) == "Operator Desa"


def test_record_renders_values_and_list_audit_searches(backend: Backend) -> None:
    db = backend.open()
    with db.session() as s:
        audit.record(
            s,
            operator="Ani",
            entitas="person",
            entitas_id=7,
            label="Karto",
            changes={
                "tanggal_lahir": (date(1970, 3, 3), date(1970, 3, 4)),
                "nama": ("Karto", "Karto"),  # unchanged: no entry
                "programs": (("JKK", "JKM"), ("JKK", "JKM", "JHT")),
            },
            keterangan="ubah 100% data",
        )
        audit.record(s, operator="Budi", entitas="post", entitas_id=1, label="Sumi",
                     changes={"akhir": (None, datetime(2026, 7, 31, 8, 0, 0))})  # fmt: skip
    with db.session() as s:
        rows = audit.list_audit(s)
        assert {(r.kolom, r.nilai_lama, r.nilai_baru) for r in rows} == {
            ("tanggal_lahir", "1970-03-03", "1970-03-04"),
            ("programs", "JKK, JKM", "JKK, JKM, JHT"),
            ("akhir", None, "2026-07-31 08:00:00"),
        }
        assert rows[0].operator == "Budi"  # newest first
        assert {r.kolom for r in audit.list_audit(s, search="karto")} == {
            "tanggal_lahir",
            "programs",
        }
        assert len(audit.list_audit(s, search="100%")) == 2
        assert audit.list_audit(s, search="0%d") == []  # % is literal, not a wildcard
        assert len(audit.list_audit(s, limit=1)) == 1


# The init command ---------------------------------------------------------------------------------

INIT = ["init", "--desa", "Sukamaju", "--kode-desa", "33.02.12.2005", "--kecamatan", "Sumbang",
        "--kabupaten", "Banyumas", "--provinsi", "Jawa Tengah", "--kepala-desa", "Karto"]  # fmt: skip


def test_init_creates_the_village(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), *INIT]) == 0
    assert "Desa Sukamaju (33.02.12.2005) dibuat" in capsys.readouterr().out
    db = open_database(data_dir=tmp_path)
    with db.session() as s:
        profile = get_profile(s)
        assert profile is not None and profile.kepala_desa_nama == "Karto"
        assert entries(s)
    db.dispose()
    assert main(["--data-dir", str(tmp_path), *INIT]) == 2  # never overwrites a village
    assert "sudah berisi Desa Sukamaju" in capsys.readouterr().err


def test_init_with_a_bad_kode_desa_exits_2_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a if a != "33.02.12.2005" else "33.02.12.1001" for a in INIT]
    assert main(["--data-dir", str(tmp_path / "d"), *args]) == 2
    assert "kelurahan" in capsys.readouterr().err
    assert not (tmp_path / "d" / "jamsos_desa.sqlite3").exists()
    assert main(["--data-dir", str(tmp_path / "d"), "init", "--desa", "X"]) == 2
    assert "--kode-desa" in capsys.readouterr().err


def test_init_demo_and_desa_are_exclusive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--data-dir", str(tmp_path), "init", "--demo", "--desa", "X"])
    assert info.value.code == 2


def test_init_demo_fills_an_empty_database(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "init", "--demo"]) == 0
    db = open_database(data_dir=tmp_path)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) > 100
    db.dispose()
