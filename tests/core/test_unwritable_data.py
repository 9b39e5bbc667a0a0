"""A data folder that cannot be written (read-only disk, no permission, an immutable file) and a
full disk: every command answers in one Indonesian sentence with exit status 2 and writes nothing,
or, if it only reads, works (saying when it had to skip the daily backup); no traceback, no NIK,
no name. A full disk is called a full disk, never a damaged database."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fs_helpers import fill, immutable, read_only_view, snapshot, tiny_disk

from desa_budget.cli import main
from desa_budget.demo import create_demo_village
from desa_budget.roster.workbook.export import export_roster
from desa_budget.store import audit
from desa_budget.store.opening import open_database

YEAR = 2026
NO_WRITE = "tidak dapat ditulisi"
FULL = "Disk penuh"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """A demo village's data folder (to copy), a roster workbook, and every NIK and name in it."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    db = open_database(data_dir=folder)
    with db.session() as s:
        create_demo_village(s, operator=audit.current_operator(s), year=YEAR)
    workbook = folder.parent / "daftar.xlsx"
    with db.session() as s:
        export_roster(s, workbook, year=YEAR)
    db.dispose()
    with sqlite3.connect(folder / "jamsos_desa.sqlite3") as conn:
        private = [v for row in conn.execute("SELECT nik, nama FROM person") for v in row]
    conn.close()
    return folder, workbook, private


def copy_of(demo_folder: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(demo_folder, target)
    return target


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_sentence(err: str, says: str, private: list[str]) -> None:
    assert err.startswith("Galat: ") and err.count("\n") == 1, err
    assert says in err and "Traceback" not in err, err
    leaked = [value for value in private if value in err]
    assert leaked == [], err


READING = [
    ["simulate", "--year", str(YEAR)],
    ["roster", "export", "{out}/ekspor.xlsx", "--year", str(YEAR)],
    ["roster", "import", "{workbook}", "--year", str(YEAR), "--dry-run"],
    ["plan", "--year", str(YEAR), "--pagu", "30000000"],
    ["lines", "--year", str(YEAR)],
    ["annex", "--year", str(YEAR), "--doc", "rab", "--out", "{out}/rab.pdf"],
    ["export", "dpmd", "--year", str(YEAR), "--out", "{out}/dpmd.xlsx"],
    ["export", "sipp", "--year", str(YEAR), "--out", "{out}/sipp.xlsx"],
    ["codes", "show"],
    ["version", "list", "--year", str(YEAR)],
    ["scenario", "list", "--year", str(YEAR)],
    ["backup", "--list"],
]
WRITING = [
    ["init", "--demo"],
    ["backup"],
    ["restore", "{backup}"],
    ["roster", "import", "{workbook}", "--year", str(YEAR + 1)],
    ["codes", "reset", "--kategori", "rt_rw"],
    ["budget-year", "--year", str(YEAR), "--pagu", "30000000"],
    ["version", "adopt", "--year", str(YEAR), "--jenis", "murni"],
    ["scenario", "save", "--year", str(YEAR), "--name", "Hemat", "--pagu", "20000000"],
]


def filled(args: list[str], **values: Path) -> list[str]:
    return [a.format(**{k: str(v) for k, v in values.items()}) for a in args]


@pytest.fixture
def read_only_data(demo: tuple[Path, Path, list[str]], tmp_path: Path) -> Iterator[Path]:
    data = copy_of(demo[0], tmp_path / "data")
    open_database(data_dir=data, access="write").dispose()  # today's daily backup exists
    with read_only_view(data) as view:
        yield view


@pytest.mark.parametrize("args", READING + WRITING, ids=lambda a: " ".join(a[:2]))
def test_every_command_on_a_read_only_data_folder(
    args: list[str],
    read_only_data: Path,
    demo: tuple[Path, Path, list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = next((read_only_data / "backups").iterdir())
    out = tmp_path / "keluar"
    out.mkdir()
    before = snapshot(read_only_data)
    code, _out, err = run(
        capsys, read_only_data, *filled(args, out=out, workbook=demo[1], backup=backup)
    )
    if args in READING:
        assert (code, err) == (0, ""), err
    else:
        assert code == 2
        assert_one_sentence(err, NO_WRITE, demo[2])
    assert snapshot(read_only_data) == before


def test_an_immutable_database_file_is_read_but_not_changed(
    demo: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_of(demo[0], tmp_path / "data")
    open_database(data_dir=data, access="write").dispose()
    with immutable(data / "jamsos_desa.sqlite3"):
        code, out, err = run(capsys, data, "simulate", "--year", str(YEAR))
        assert (code, err) == (0, "") and "Sukamaju" in out
        code, _out, err = run(capsys, data, "budget-year", "--year", str(YEAR), "--pagu", "1000")
        assert code == 2
        assert_one_sentence(err, NO_WRITE, demo[2])


def test_a_log_file_that_cannot_be_written_stops_nothing(
    demo: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import app

    data = copy_of(demo[0], tmp_path / "data")
    log = data / "logs" / "jamsos_desa.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text("lama\n", encoding="utf-8")
    with immutable(log):
        code = app.main(["--data-dir", str(data), "simulate", "--year", str(YEAR)])
        out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "Sukamaju" in out


@pytest.fixture
def full_disk(demo: tuple[Path, Path, list[str]], tmp_path: Path) -> Iterator[Path]:
    """The demo's data on a 3 MB disk; the caller fills it."""
    with tiny_disk(tmp_path / "disk", 3_072) as disk:
        yield copy_of(demo[0], disk / "data")


def persons(data: Path) -> int:
    with sqlite3.connect(data / "jamsos_desa.sqlite3") as conn:
        count = int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    conn.close()
    return count


def test_an_import_on_a_full_disk_says_so_and_the_next_start_is_not_damaged(
    full_disk: Path, demo: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(data_dir=full_disk, access="write").dispose()  # today's backup made
    before = persons(full_disk)
    filler = fill(full_disk.parent, leave=30_000)
    code, _out, err = run(capsys, full_disk, "roster", "import", str(demo[1]), "--year", "2027")
    assert code == 2
    assert_one_sentence(err, FULL, demo[2])
    assert "perlu sekitar" in err
    # the next start, disk still full: not "rusak"; a reading command reads
    code, out, err = run(capsys, full_disk, "simulate", "--year", str(YEAR))
    assert "rusak" not in err
    assert (code, err) == (0, "") or FULL in err, err
    filler.unlink()
    assert persons(full_disk) == before
    code, out, err = run(capsys, full_disk, "simulate", "--year", str(YEAR))
    assert (code, err) == (0, "") and "Sukamaju" in out


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_partial_copy(
    full_disk: Path, demo: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(data_dir=full_disk, access="write").dispose()
    fill(full_disk.parent, leave=100_000)
    listed = sorted((full_disk / "backups").iterdir())
    code, _out, err = run(capsys, full_disk, "backup")
    assert code == 2
    assert_one_sentence(err, FULL, demo[2])
    assert sorted((full_disk / "backups").iterdir()) == listed


def test_a_reading_command_works_when_the_daily_backup_has_no_room(
    full_disk: Path, demo: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    for old in (full_disk / "backups").iterdir():
        old.unlink()  # the daily backup is due
    fill(full_disk.parent, leave=100_000)
    code, out, err = run(capsys, full_disk, "simulate", "--year", str(YEAR))
    assert code == 0 and "Sukamaju" in out
    assert "cadangan harian" in err.casefold() and FULL in err and err.count("\n") == 1, err
    assert list((full_disk / "backups").iterdir()) == []
    code, _out, err = run(capsys, full_disk, "budget-year", "--year", str(YEAR), "--pagu", "1000")
    assert code == 2
    assert_one_sentence(err, FULL, demo[2])


def test_a_full_disk_is_never_called_a_damaged_file(full_disk: Path) -> None:
    from desa_budget.errors import UserError

    open_database(data_dir=full_disk, access="write").dispose()
    wal = Path(f"{full_disk / 'jamsos_desa.sqlite3'}-wal")
    shm = Path(f"{full_disk / 'jamsos_desa.sqlite3'}-shm")
    wal.write_bytes(b"")  # what a write cut short by a full disk leaves
    shm.write_bytes(b"\0" * 32_768)
    fill(full_disk.parent, leave=0)
    try:
        db = open_database(data_dir=full_disk, access="read")
    except UserError as exc:
        assert FULL in exc.message and "rusak" not in exc.message
    else:
        db.dispose()


def test_a_read_only_folder_holding_only_the_database(
    demo: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database copied alone onto read-only media: no logs/ or backups/ folder to write in."""
    import app

    data = tmp_path / "hanya"
    data.mkdir()
    (data / "jamsos_desa.sqlite3").write_bytes((demo[0] / "jamsos_desa.sqlite3").read_bytes())
    with read_only_view(data) as view:
        code = app.main(["--data-dir", str(view), "simulate", "--year", str(YEAR)])
        out, err = capsys.readouterr()
        assert code == 0 and "Sukamaju" in out
        assert "cadangan harian" in err.casefold() and NO_WRITE in err and err.count("\n") == 1
        code = app.main(["--data-dir", str(view), "backup"])
        _out, err = capsys.readouterr()
        assert code == 2
        assert_one_sentence(err, NO_WRITE, demo[2])
