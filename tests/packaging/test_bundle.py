"""The installer build: the frozen one-folder bundle passes its self-test with a silent stderr, and
the NSIS script compiles and packs that folder. Slow (a few minutes); CI runs it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "JamsosDesa"


@pytest.mark.slow
@pytest.mark.skipif(
    sys.platform != "linux", reason="the build script is for Linux; Windows uses build_windows.bat"
)
def test_build_script_makes_a_bundle_that_passes_its_self_test_and_an_installer(
    tmp_path: Path,
) -> None:
    build = subprocess.run(
        ["bash", "installer/build.sh"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    version = subprocess.run(
        [sys.executable, "-c", "import desa_budget; print(desa_budget.__version__)"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    installer = ROOT / "dist" / f"JamsosDesa-{version}-setup.exe"
    assert installer.stat().st_size > 20_000_000  # the packed bundle, not an empty stub
    assert (BUNDLE / "JamsosDesa").exists() and (BUNDLE / "JamsosDesa-debug").exists()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    data = tmp_path / "data"
    run = subprocess.run(
        [str(BUNDLE / "JamsosDesa-debug"), "--self-test", "--data-dir", str(data)],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "Uji mandiri berhasil." in run.stdout
    assert (data / "uji-mandiri" / "lampiran-F4.pdf").read_bytes().startswith(b"%PDF")
    assert (data / "logs" / "jamsos_desa.log").exists()  # the windowed build logs to a file
