#!/usr/bin/env bash
# Builds the one-folder bundle (PyInstaller), checks it with --self-test, then the NSIS installer.
# Output: dist/JamsosDesa/ and dist/JamsosDesa-<version>-setup.exe. On Linux the installer packs the
# Linux bundle (a check that the script compiles and packs); on Windows use installer\build_windows.bat.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
.venv/bin/python -m pip install --quiet "pyinstaller>=6.10,<7"
command -v makensis >/dev/null || EXTRA_PACKAGES="nsis" bash scripts/setup_system.sh
version=$(.venv/bin/python -c "import desa_budget; print(desa_budget.__version__)")
rm -rf build/pyinstaller dist/JamsosDesa
.venv/bin/pyinstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/jamsos_desa.spec
selftest_dir=$(mktemp -d)
trap 'rm -rf "$selftest_dir" "$selftest_dir.err"' EXIT
QT_QPA_PLATFORM=offscreen dist/JamsosDesa/JamsosDesa-debug --self-test --data-dir "$selftest_dir" \
    2>"$selftest_dir.err"
if [ -s "$selftest_dir.err" ]; then
    echo "Uji mandiri bundel menulis ke stderr:" >&2
    cat "$selftest_dir.err" >&2
    exit 1
fi
exe=JamsosDesa
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) exe=JamsosDesa.exe ;; esac
makensis -V2 -DVERSION="$version" -DSRCDIR="$PWD/dist/JamsosDesa" -DEXENAME="$exe" \
    -DOUTFILE="$PWD/dist/JamsosDesa-$version-setup.exe" installer/jamsos_desa.nsi
echo "Bundle:    dist/JamsosDesa/"
echo "Installer: dist/JamsosDesa-$version-setup.exe"
