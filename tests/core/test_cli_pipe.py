"""A command whose reader stops early (``app.py plan | head``) ends quietly, without a traceback."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    subprocess.run(
        [sys.executable, "app.py", "--data-dir", data, "init", "--demo", "--year", "2026"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    command = [sys.executable, "app.py", "--data-dir", data, "simulate", "--year", "2026"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.close()  # the reader goes away before the command has written anything
        errors = run.stderr.read().decode()
        code = run.wait()
    assert "Traceback" not in errors and "BrokenPipeError" not in errors
    assert code == 0
