@echo off
rem Builds Jamsos Desa for Windows: the one-folder bundle (PyInstaller), its self-test, and the
rem per-user installer (NSIS). Run from the repository folder:  installer\build_windows.bat
rem Needs: Python 3.11 (python.org, "Add python.exe to PATH") and NSIS 3 (nsis.sourceforge.io).
setlocal
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe (
    py -3.11 -m venv .venv || python -m venv .venv || goto :error
)
.venv\Scripts\python -m pip install --upgrade pip || goto :error
.venv\Scripts\python -m pip install -e . "pyinstaller>=6.10,<7" || goto :error
for /f %%v in ('.venv\Scripts\python -c "import desa_budget; print(desa_budget.__version__)"') do set VERSION=%%v
.venv\Scripts\pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller installer\jamsos_desa.spec || goto :error
set QT_QPA_PLATFORM=offscreen
dist\JamsosDesa\JamsosDesa-debug.exe --self-test --data-dir "%TEMP%\jamsos-uji-mandiri" || goto :error
set QT_QPA_PLATFORM=
set MAKENSIS=makensis
if exist "%ProgramFiles(x86)%\NSIS\makensis.exe" set MAKENSIS="%ProgramFiles(x86)%\NSIS\makensis.exe"
%MAKENSIS% -V2 -DVERSION=%VERSION% -DSRCDIR=%CD%\dist\JamsosDesa -DEXENAME=JamsosDesa.exe -DOUTFILE=%CD%\dist\JamsosDesa-%VERSION%-setup.exe installer\jamsos_desa.nsi || goto :error
echo.
echo Selesai: dist\JamsosDesa-%VERSION%-setup.exe
exit /b 0
:error
echo Pembuatan gagal (lihat pesan di atas).
exit /b 1
