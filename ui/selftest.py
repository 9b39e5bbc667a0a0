"""``app.py --self-test``: the core checks, then the main window shown offscreen and closed."""

import argparse
import os
import sys
import traceback

from desa_budget.logging_setup import configure_logging
from desa_budget.paths import data_paths
from desa_budget.selftest import log, run_core_checks


def _report(message: str) -> None:
    log.info("uji mandiri: %s", message)
    print(f"OK  {message}", file=sys.stdout, flush=True)


def run_self_test(args: argparse.Namespace) -> int:
    """Exit 0 when every layer works; otherwise 1 with what failed on stderr and in the log."""
    configure_logging(data_paths(args.data_dir).logs)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        db = run_core_checks(args.data_dir, args.db, _report)
        _show_window(db)
        _report("jendela utama dibuka dan ditutup")
    except Exception as exc:  # the self-test reports every failure, expected or not
        log.exception("uji mandiri gagal")
        print(f"GAGAL  {exc}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    print("Uji mandiri berhasil.", flush=True)
    return 0


def _show_window(db: object) -> None:
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from desa_budget.rules import load_rules
    from desa_budget.store.database import Database
    from ui.app_context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    assert isinstance(db, Database)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings.in_folder(db.paths.root)
    ctx = AppContext(
        db=db, rules=load_rules(), settings=settings, operator="uji mandiri",
        year=date.today().year, parent=app,
    )  # fmt: skip
    window = MainWindow(ctx, village="Uji mandiri")
    window.show()
    app.processEvents()
    if not window.isVisible():
        raise RuntimeError("jendela utama tidak tampil")
    window.close()
    app.processEvents()
    db.dispose()
