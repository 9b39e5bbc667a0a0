"""A damaged backup given to restore: refused with one Indonesian sentence (a UserError), never a
traceback, and the database is left exactly as it was. 24 kinds of damage, after the campaign's."""

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from roster_helpers import KODE_DESA
from sqlalchemy import select

from desa_budget.cli import main
from desa_budget.errors import UserError
from desa_budget.store.backup import make_backup, restore_backup
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database

PAGE = 4096


def _write_at(offset: int, data: bytes) -> Callable[[bytes], bytes]:
    return lambda b: b[:offset] + data + b[offset + len(data) :]


def _flip(seed: int, count: int, start: int = 100) -> Callable[[bytes], bytes]:
    def damage(b: bytes) -> bytes:
        rnd = random.Random(seed)
        data = bytearray(b)
        for _ in range(count):
            data[rnd.randrange(start, len(data))] ^= 0xFF
        return bytes(data)

    return damage


def _sql(*statements: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA foreign_keys=OFF")
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        finally:
            conn.close()

    return damage


BYTE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "kosong": lambda b: b"",
    "hanya judul": lambda b: b[:16],
    "judul 100 byte": lambda b: b[:100],
    "satu halaman": lambda b: b[:PAGE],
    "separuh": lambda b: b[: len(b) // 2],
    "tanpa halaman akhir": lambda b: b[:-PAGE],
    "halaman 1 nol": _write_at(100, bytes(PAGE - 100)),
    "halaman 2 nol": _write_at(PAGE, bytes(PAGE)),
    "halaman 2 acak": _write_at(PAGE, random.Random(1).randbytes(PAGE)),
    "ukuran halaman salah": _write_at(16, b"\x00\x03"),
    "versi tulis tak dikenal": _write_at(18, b"\x03\x03"),
    "ukuran berkas salah": _write_at(28, b"\x7f\xff\xff\xff"),
    "daftar bebas salah": _write_at(32, b"\x00\x00\xff\xff\x00\x00\x00\x09"),
    "pengodean salah": _write_at(56, b"\x00\x00\x00\x07"),
    "skema salah": _write_at(40, b"\x00\x00\x00\x63"),
    "byte terbalik sedikit": _flip(2, 8),
    "byte terbalik banyak": _flip(3, 400),
    "tipe halaman rusak": _write_at(PAGE, b"\x07"),
    "isi acak": lambda b: b[:100] + random.Random(4).randbytes(len(b) - 100),
    "WAL tanpa berkas wal": _write_at(18, b"\x02\x02"),
}
SQL_DAMAGE: dict[str, Callable[[Path], None]] = {
    "bukan milik kita": _sql("DROP TABLE alembic_version", "DROP TABLE village_profile"),
    "tanpa versi": _sql("DELETE FROM alembic_version"),
    "versi tak dikenal": _sql("UPDATE alembic_version SET version_num = 'zzzz'"),
    "kunci asing putus": _sql("INSERT INTO post (person_id, kategori, jabatan, status, nomor_sk,"
                             " version_id) VALUES (999, 'rt_rw', 'RT', 'definitif', '', 1)"),
}  # fmt: skip


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    db = open_database(data_dir=tmp_path_factory.mktemp("asal"))
    with db.session() as s:
        s.add(
            VillageProfile(
                nama_desa="Cadangan", kode_desa=KODE_DESA, kecamatan="Sumbang",
                kabupaten="Banyumas", provinsi="Jawa Tengah",
            )
        )  # fmt: skip
    data = make_backup(db, reason="manual").read_bytes()
    db.dispose()
    return data


def _dump(file: Path) -> list[str]:
    with sqlite3.connect(file) as conn:
        dump = list(conn.iterdump())
    conn.close()
    return dump


@pytest.mark.parametrize("kind", [*BYTE_DAMAGE, *SQL_DAMAGE])
def test_a_damaged_backup_is_refused_in_one_sentence(
    tmp_path: Path, good_backup: bytes, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "rusak.sqlite3"
    if kind in BYTE_DAMAGE:
        damaged.write_bytes(BYTE_DAMAGE[kind](good_backup))
    else:
        damaged.write_bytes(good_backup)
        SQL_DAMAGE[kind](damaged)
    data = tmp_path / "data"
    db = open_database(data_dir=data)
    with db.session() as s:
        s.add(
            VillageProfile(
                nama_desa="Tetap", kode_desa=KODE_DESA, kecamatan="Sumbang",
                kabupaten="Banyumas", provinsi="Jawa Tengah",
            )
        )  # fmt: skip
    db.dispose()
    before = _dump(db.file)  # type: ignore[arg-type]

    code = main(["--data-dir", str(data), "restore", str(damaged)])

    err = capsys.readouterr().err
    if code == 0:  # harmless damage (e.g. in free space): restored, and sound
        with open_database(data_dir=data).session() as s:
            assert s.scalars(select(VillageProfile.nama_desa)).one() == "Cadangan"
        return
    assert code == 2, err
    assert err.startswith("Galat: ") and "Traceback" not in err and err.count("\n") == 1, err
    assert _dump(db.file) == before  # type: ignore[arg-type]
    assert not list(data.glob("*.restore*"))


def test_restore_from_python_raises_only_user_errors(tmp_path: Path, good_backup: bytes) -> None:
    db = open_database(data_dir=tmp_path / "data")
    damaged = tmp_path / "rusak.sqlite3"
    damaged.write_bytes(BYTE_DAMAGE["halaman 2 acak"](good_backup))
    with pytest.raises(UserError, match="rusak"):
        restore_backup(db, damaged)
    db.dispose()
