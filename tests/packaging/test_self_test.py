"""``app.py --self-test`` (from source): exit 0 with a silent stderr, or non-zero saying what failed."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _self_test(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "app.py", "--self-test", "--data-dir", str(data)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def test_self_test_passes_on_a_fresh_folder(tmp_path: Path) -> None:
    run = _self_test(tmp_path / "data")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "jendela utama dibuka dan ditutup" in run.stdout
    assert (tmp_path / "data" / "uji-mandiri" / "dpmd.xlsx").exists()


def test_self_test_fails_and_says_why_on_a_damaged_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "jamsos_desa.sqlite3").write_bytes(b"bukan basis data " * 100)
    run = _self_test(data)
    assert run.returncode == 1
    assert "GAGAL" in run.stderr and "jamsos_desa.sqlite3" in run.stderr
