"""Fault campaign: ``kill -9`` at random moments during a roster import (2.000 rows), a backup, a
restore and the first migration of an old database, then a set of bad workbooks given to
``roster import``. Prints, per kind, the trials and how many left a corrupted database, a
half-written one (neither the state before nor the state after), a traceback (in the killed
command's output or in the next start's), a leftover copy of the data (a ``.part`` backup or a
staged restore still there after the next start), or a next start that failed. Every column but
"trials", "killed" (still running when killed) and "changed" (left as the finished command leaves
it; for a backup that is the state before) should read 0. For the bad workbooks "start fail"
counts files that were not refused with exit status 2.

A script to run (a few minutes; POSIX, it sends SIGKILL), not part of the test suite:

    .venv/bin/python scripts/faults.py [--trials 20] [--seed 1] [--keep]
"""

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.fault_files import BAD_FILES  # noqa: E402

YEAR = 2026
DB = "jamsos_desa.sqlite3"
APP = [sys.executable, str(ROOT / "app.py")]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class Tally:
    kind: str
    trials: int = 0
    killed: int = 0  # still running when the kill came (the others had finished)
    changed: int = 0  # left in the state after the work (the rest: the state before it)
    corrupted: int = 0
    half_written: int = 0
    tracebacks: int = 0
    leftovers: int = 0
    start_failed: int = 0
    slowest: float = 0.0
    notes: list[str] = field(default_factory=list)

    def row(self) -> str:
        return (
            f"{self.kind:<22}{self.trials:>7}{self.killed:>8}{self.changed:>9}"
            f"{self.corrupted:>11}{self.half_written:>14}"
            f"{self.tracebacks:>12}{self.leftovers:>11}{self.start_failed:>12}{self.slowest:>10.1f}"
        )


HEADER = (
    f"{'kind':<22}{'trials':>7}{'killed':>8}{'changed':>9}{'corrupted':>11}{'half-written':>14}{'tracebacks':>12}"
    f"{'leftovers':>11}{'start fail':>12}{'max s':>10}"
)


# ---------------------------------------------------------------------------------------------
# Running the app


def run_app(data: Path, *args: str, timeout: float = 300) -> tuple[int, str, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        [*APP, "--data-dir", str(data), *args],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def killed_at(
    data: Path, delay: float, *args: str, after: str | None = None
) -> tuple[bool, str, float]:
    """Start the command and SIGKILL it ``delay`` seconds after its start, or after the first
    file matching the glob ``after`` appears in ``data`` (the work has begun). Returns whether it
    was still running, its stderr, and when (seconds from its start) the kill came."""
    started = time.monotonic()
    with subprocess.Popen(
        [*APP, "--data-dir", str(data), *args],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        if after is not None:
            while child.poll() is None and not any(data.glob(after)):
                time.sleep(0.001)
        deadline = time.monotonic() + delay
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0))
            running = False
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            running = True
        assert child.stderr is not None
        return running, child.stderr.read(), time.monotonic() - started


def work_begins(data: Path, after: str, *args: str) -> tuple[float, float]:
    """A full run, watched: (seconds until ``after`` appears, seconds from then to the end)."""
    started = time.monotonic()
    with subprocess.Popen(
        [*APP, "--data-dir", str(data), *args],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as child:
        while child.poll() is None and not any(data.glob(after)):
            time.sleep(0.001)
        seen = time.monotonic()
        child.wait()
    return seen - started, time.monotonic() - seen


# ---------------------------------------------------------------------------------------------
# Looking at a database file


def integrity_ok(file: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return ok and conn.execute("PRAGMA foreign_key_check").fetchone() is None
    except sqlite3.DatabaseError:
        return False


def state(file: Path) -> tuple[object, ...]:
    """What tells the states apart: revision, row counts, the village's address, the schema."""
    with closing(sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("person", "post", "coverage", "audit_log")
        )
        alamat = conn.execute("SELECT alamat FROM village_profile").fetchone()
        schema = tuple(conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall())
    return (revision, counts, alamat, hash(schema))


def next_start(data: Path, tally: Tally) -> None:
    """The next command after the kill must start and read, with no traceback; it also clears
    what a killed backup or restore left behind."""
    code, _out, err, _s = run_app(data, "simulate", "--year", str(YEAR))
    if code != 0:
        tally.start_failed += 1
        tally.notes.append(f"next start exit {code}: {err.strip()[:200]}")
    if "Traceback" in err:
        tally.tracebacks += 1
    leftovers = [p for p in data.rglob("*") if p.name.endswith(".part") or ".restore" in p.name]
    if leftovers:
        tally.leftovers += 1
        tally.notes.append(f"left: {[p.name for p in leftovers]}")


def judge(
    tally: Tally,
    data: Path,
    allowed: tuple[tuple[object, ...], tuple[object, ...]],
    err: str,
    moment: float,
) -> None:
    """``allowed``: the database before the command and after it; anything else is half-written."""
    file = data / DB
    tally.trials += 1
    if "Traceback" in err:
        tally.tracebacks += 1
        tally.notes.append(f"traceback at {moment:.2f}s: {err.strip().splitlines()[-1][:160]}")
    if not integrity_ok(file):
        tally.corrupted += 1
        tally.notes.append(f"corrupted at {moment:.2f}s")
        return
    found = state(file)
    before, after = allowed
    tally.changed += found == after != before
    if found not in allowed:
        tally.half_written += 1
        tally.notes.append(f"half-written at {moment:.2f}s: {found[:3]}")
    next_start(data, tally)


# ---------------------------------------------------------------------------------------------
# The starting points


def nik(born: date, serial: int, female: bool = False) -> str:
    day = born.day + (40 if female else 0)
    return f"330212{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def big_roster(path: Path, rows: int) -> Path:
    """A workbook of ``rows`` pekerja rentan (BPU) and RT heads (PU), all valid."""
    from openpyxl import Workbook

    from desa_budget.roster.workbook.layout import HEADERS

    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADERS))
    rnd = random.Random(7)
    for n in range(rows):
        born = date(1950 + rnd.randrange(50), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
        female = n % 2 == 1
        person_nik = nik(born, n + 1, female)
        rentan = n % 5 != 0
        ws.append(
            [
                person_nik, f"Warga {n}", "P" if female else "L", born.strftime("%d-%m-%Y"),
                "Pekerja Rentan" if rentan else "RT/RW", None if rentan else f"Ketua RT {n}",
                None, None, None, None, None, "BPU" if rentan else "PU",
                1_000_000 if rentan else 2_000_000, "JKK, JKM", None, None, "Belum Terdaftar",
                None,
            ]
        )  # fmt: skip
    wb.save(path)
    return path


def make_bases(work: Path, rows: int) -> dict[str, Path]:
    from desa_budget.demo import create_demo_village
    from desa_budget.roster.workbook.apply import apply_import, plan_import
    from desa_budget.store import audit
    from desa_budget.store.backup import make_backup
    from desa_budget.store.opening import open_database
    from desa_budget.village.profile import ProfileData, save_profile

    bases: dict[str, Path] = {}
    workbook = big_roster(work / "daftar_2000.xlsx", rows)
    bases["workbook"] = workbook

    empty = work / "base-import"
    db = open_database(data_dir=empty)
    with db.session() as s:
        save_profile(
            s, ProfileData("Uji", "33.02.12.2005", "Sumbang", "Banyumas", "Jawa Tengah"),
            operator="uji",
        )  # fmt: skip
    db.dispose()
    bases["import"] = empty

    demo = work / "base-demo"
    db = open_database(data_dir=demo)
    with db.session() as s:
        create_demo_village(s, operator=audit.current_operator(s), year=YEAR)
    db.dispose()
    _years_of_history(demo / DB, 200_000)  # a backup or a restore then takes a while
    db = open_database(data_dir=demo)
    bases["restore-file"] = make_backup(db, reason="manual")  # state B: the demo alone
    with db.session() as s:
        apply_import(s, plan_import(s, workbook, year=YEAR), operator="uji")  # state A
        from desa_budget.village.profile import get_profile

        profile = get_profile(s)
        assert profile is not None
        save_profile(s, ProfileData(**{**profile.__dict__, "alamat": "Keadaan A"}), operator="u")
    db.dispose()
    bases["demo"] = demo

    old = work / "base-migrate"
    old.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "rev0001.sqlite3", old / DB)
    _years_of_history(old / DB, 200_000)  # the pre-migration backup then takes a while
    bases["migrate"] = old
    return bases


def _years_of_history(file: Path, rows: int) -> None:
    """Copies of the audit log's first entry: a village with years of history, a bigger file."""
    with closing(sqlite3.connect(file)) as conn:
        row = conn.execute("SELECT * FROM audit_log LIMIT 1").fetchone()
        marks = ",".join("?" * len(row))
        copies = [(None, *row[1:]) for _ in range(rows)]
        conn.executemany(f"INSERT INTO audit_log VALUES ({marks})", copies)  # noqa: S608
        conn.commit()


def fresh(base: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
    return target


# ---------------------------------------------------------------------------------------------
# The trials


def kill_trials(
    kind: str,
    base: Path,
    work: Path,
    args: Callable[[Path], list[str]],
    trials: int,
    rnd: random.Random,
    *,
    after: str | None = None,
    extra_check: Callable[[Path, Tally], None] | None = None,
) -> Tally:
    """``trials`` kills at random moments of the work: from the start of the command, or, when
    the work begins late (``after``: a file it makes first), from that file's appearance."""
    tally = Tally(kind)
    reference = fresh(base, work / f"{kind}-ref")
    before = state(reference / DB)
    code, _out, err, seconds = run_app(reference, *args(reference))
    if code != 0:
        raise SystemExit(f"{kind}: the uninterrupted run failed: {err}")
    after_state = state(reference / DB)
    tally.slowest = seconds
    allowed = (before, after_state)
    span = seconds
    if after is not None:
        watched = fresh(base, work / f"{kind}-watched")
        _begins, span = work_begins(watched, after, *args(watched))
    for n in range(trials):
        data = fresh(base, work / f"{kind}-{n}")
        delay = rnd.uniform(0.2 if after is None else 0.0, span * 1.02)
        running, err, moment = killed_at(data, delay, *args(data), after=after)
        tally.killed += running
        judge(tally, data, allowed, err, moment)
        if extra_check is not None:
            extra_check(data, tally)
        shutil.rmtree(data)
    return tally


def listed_backups_sound(data: Path, tally: Tally) -> None:
    """Every backup the app lists is a whole, readable copy (a killed one stays unlisted)."""
    for backup in (data / "backups").glob("jamsos_desa-*.sqlite3"):
        if not integrity_ok(backup):
            tally.half_written += 1
            tally.notes.append(f"listed backup {backup.name} is not whole")


def bad_file_trials(base: Path, work: Path) -> Tally:
    tally = Tally("bad workbooks")
    files = work / "bad-files"
    files.mkdir()
    for name, make in BAD_FILES.items():
        data = fresh(base, work / "bad-data")
        before = state(data / DB)
        path = make(files)
        code, _out, err, seconds = run_app(
            data, "roster", "import", str(path), "--year", str(YEAR), timeout=600
        )
        tally.trials += 1
        tally.slowest = max(tally.slowest, seconds)
        if "Traceback" in err:
            tally.tracebacks += 1
            tally.notes.append(f"{name}: traceback {err.strip().splitlines()[-1][:160]}")
        if code != 2 or not err.startswith("Galat: "):
            tally.notes.append(f"{name}: exit {code}, {err.strip()[:160]!r}")
            tally.start_failed += code != 2
        if not integrity_ok(data / DB):
            tally.corrupted += 1
        elif state(data / DB) != before:
            tally.half_written += 1
            tally.notes.append(f"{name}: the database changed")
        print(f"  {name:<34} exit {code}  {seconds:5.1f} s  {err.strip().splitlines()[0][:70]}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20, help="kills per kind (default 20)")
    parser.add_argument("--rows", type=int, default=2000, help="rows in the import (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--only", choices=("import", "backup", "restore", "migrate", "files"), action="append"
    )
    options = parser.parse_args()
    if sys.platform == "win32":
        raise SystemExit("kill -9 trials need POSIX signals")
    rnd = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="jamsos-faults-"))
    chosen = set(options.only or ("import", "backup", "restore", "migrate", "files"))
    print(f"work folder {work}; building the starting points ...", flush=True)
    bases = make_bases(work, options.rows)
    tallies: list[Tally] = []
    started = time.monotonic()
    if "import" in chosen:
        workbook = str(bases["workbook"])
        tallies.append(
            kill_trials(
                f"import {options.rows} rows", bases["import"], work,
                lambda d: ["roster", "import", workbook, "--year", str(YEAR)],
                options.trials, rnd,
            )
        )  # fmt: skip
    if "backup" in chosen:
        tallies.append(
            kill_trials(
                "backup", bases["demo"], work, lambda d: ["backup"], options.trials, rnd,
                after="backups/*.part", extra_check=listed_backups_sound,
            )
        )  # fmt: skip
    if "restore" in chosen:
        restore_file = str(bases["restore-file"])
        tallies.append(
            kill_trials(
                "restore", bases["demo"], work, lambda d: ["restore", restore_file],
                options.trials, rnd, after=f"{DB}.restore-*", extra_check=listed_backups_sound,
            )
        )  # fmt: skip
    if "migrate" in chosen:
        tallies.append(
            kill_trials(
                "first migration", bases["migrate"], work,
                lambda d: ["simulate", "--year", "2025"], options.trials, rnd,
                after="backups/*.part", extra_check=listed_backups_sound,
            )
        )  # fmt: skip
    if "files" in chosen:
        print("bad workbooks:")
        tallies.append(bad_file_trials(bases["import"], work))
    print()
    print(HEADER)
    print("-" * len(HEADER))
    for tally in tallies:
        print(tally.row())
    print(f"\n{time.monotonic() - started:.0f} s; seed {options.seed}.")
    for tally in tallies:
        for note in tally.notes:
            print(f"  {tally.kind}: {note}")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)
    bad = any(
        t.corrupted or t.half_written or t.tracebacks or t.leftovers or t.start_failed
        for t in tallies
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
