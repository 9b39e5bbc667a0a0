"""One writer per SQLite database. While a window (here: another process holding the database
for writing) has it open, a second window or a command that changes data is refused with
"sedang dibuka di jendela lain", reading commands still read, and restore refuses while anyone
else has the database open — so no process's commit can vanish under a restore."""

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from roster_helpers import KODE_DESA
from sqlalchemy import select

from desa_budget.cli import main
from desa_budget.store.backup import make_backup, restore_backup
from desa_budget.store.instance_lock import DatabaseInUse
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]
IN_USE = "sedang dibuka di jendela lain"

HOLDER = textwrap.dedent(
    """
    import sys
    from desa_budget.store.opening import open_database
    from desa_budget.village.profile import get_profile, save_profile

    db = open_database(data_dir=sys.argv[1], access=sys.argv[2])
    print("open", flush=True)
    for line in sys.stdin:  # each line: a commit this process makes later
        with db.session() as s:
            profile = get_profile(s)
            save_profile(s, profile.__class__(**{**profile.__dict__, "alamat": line.strip()}),
                         operator="lain")
        print("saved", flush=True)
    db.dispose()
    """
)


@contextmanager
def other_process(data: Path, access: str) -> Iterator[subprocess.Popen[str]]:
    """Another instance of the app with the database open (``write``: the window)."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data), access],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "open\n", child.stderr.read() if child.stderr else ""
        try:
            yield child
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()


def commit_in(child: subprocess.Popen[str], alamat: str) -> None:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(alamat + "\n")
    child.stdin.flush()
    assert child.stdout.readline() == "saved\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    db = open_database(data_dir=folder)
    with db.session() as s:
        s.add(
            VillageProfile(
                nama_desa="Sukamaju", kode_desa=KODE_DESA, kecamatan="Sumbang",
                kabupaten="Banyumas", provinsi="Jawa Tengah", alamat="awal",
            )
        )  # fmt: skip
    db.dispose()
    return folder


def alamat(folder: Path) -> str:
    db = open_database(data_dir=folder, access="read")
    try:
        with db.session() as s:
            return s.scalars(select(VillageProfile.alamat)).one()
    finally:
        db.dispose()


def test_a_second_window_is_refused_while_the_first_is_open(data: Path) -> None:
    with other_process(data, "write"):
        with pytest.raises(DatabaseInUse, match=IN_USE):
            open_database(data_dir=data, access="write")
        assert alamat(data) == "awal"  # reading still works
    open_database(data_dir=data, access="write").dispose()  # free again once it is closed


def test_the_lock_goes_with_a_killed_window(data: Path) -> None:
    with other_process(data, "write") as child:
        child.send_signal(signal.SIGKILL)
        child.wait()
    db = open_database(data_dir=data, access="write")
    assert db.lock is not None and db.lock.writer and not db.lock.others_open()
    db.dispose()


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["roster", "import", "x.xlsx"], 2),
        (["init", "--demo"], 2),
        (["budget-year", "--year", "2026", "--pagu", "50000000"], 2),
        (["restore", "cadangan.sqlite3"], 2),
        (["simulate", "--year", "2026"], 0),
        (["roster", "export", "ekspor.xlsx", "--year", "2026"], 0),
        (["backup"], 0),
        (["backup", "--list"], 0),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_commands_that_change_data_are_refused_while_the_window_is_open(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], code: int
) -> None:
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".sqlite3")) else a for a in command]
    (tmp_path / "cadangan.sqlite3").write_bytes(b"")
    with other_process(data, "write"):
        assert main(["--data-dir", str(data), *args]) == code
    err = capsys.readouterr().err
    if code == 2:
        assert IN_USE in err and err.count("\n") == 1, err
    else:
        assert err == ""


def test_restore_refuses_while_anyone_else_has_the_database_open(data: Path) -> None:
    db = open_database(data_dir=data, access="write")
    saved = make_backup(db, reason="manual")
    db.dispose()
    with other_process(data, "read") as reader:
        db = open_database(data_dir=data, access="write")
        with pytest.raises(DatabaseInUse, match="dipulihkan"):
            restore_backup(db, saved)
        db.dispose()
        reader.send_signal(signal.SIGKILL)  # a reader that dies leaves a mark behind ...
        reader.wait()
    db = open_database(data_dir=data, access="write")
    restore_backup(db, saved)  # ... which no longer blocks a restore
    db.dispose()


def test_no_commit_is_lost_to_a_restore(data: Path) -> None:
    """The campaign's defect: a restore swapped the file under an open window, whose next
    commit said "saved" and was in neither the restored database nor any backup."""
    db = open_database(data_dir=data, access="read")
    saved = make_backup(db, reason="manual")
    db.dispose()
    with other_process(data, "write") as window:
        commit_in(window, "sebelum")
        db = open_database(data_dir=data, access="read")
        with pytest.raises(DatabaseInUse):
            restore_backup(db, saved)
        db.dispose()
        commit_in(window, "sesudah")
    assert alamat(data) == "sesudah"
