"""Opening the window: QApplication, language, the error funnel, the database, the first start,
then the main window. ``app.py`` calls ``run_gui(args)`` when no subcommand is given."""

import argparse
import gc
import logging
import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desa_budget.errors import UserError
from desa_budget.paths import data_paths
from ui import i18n, import_scan
from ui.i18n import _
from ui.settings import Settings
from ui.start_frame import StartFrame

# The rest (SQLAlchemy, the rules, the pages' modules) is imported in start(), after the window's
# frame is painted: it takes several times as long as Qt itself.
if TYPE_CHECKING:
    from desa_budget.store.instance_lock import DatabaseInUse
    from ui.app_context import AppContext
    from ui.main_window import MainWindow

EXIT_USER_ERROR = 2

import_scan.make_cheap()  # before the libraries behind the pages are imported


@dataclass
class Started:
    app: QApplication
    window: "MainWindow | None"  # None: the user chose to quit at the first start
    ctx: "AppContext | None"


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jamsos Desa")
    app.setOrganizationName("JamsosDesa")
    return app


def settings_for(args: argparse.Namespace) -> Settings:
    data_dir = getattr(args, "data_dir", None)
    if data_dir:
        return Settings.in_folder(data_paths(data_dir).root)
    return Settings.for_user()


def start(args: argparse.Namespace) -> Started:
    """Everything up to a shown main window; raises UserError when the data cannot be opened.

    The window's frame is painted first, then the rest is loaded while it shows "Memuat…"."""
    app = application()
    settings = settings_for(args)
    i18n.set_language(settings.language)
    frame = StartFrame(settings)
    frame.show_now(app)
    # After the first paint: the log, the error funnel and its message boxes.
    from desa_budget.logging_setup import configure_logging, ensure_std_streams
    from ui import errors

    ensure_std_streams()
    log_file = configure_logging(data_paths(getattr(args, "data_dir", None)).logs)
    from desa_budget import __version__

    logging.getLogger("jamsos").info("Jamsos Desa %s: jendela", __version__)
    errors.install_excepthook(log_file)
    gc.disable()  # start-up makes many long-lived objects: no collections while it does
    try:
        return _open(args, app, settings)
    finally:
        # What start-up made (some 100.000 objects: the libraries, the rules, the pages) lives
        # as long as the window: frozen, the collector never scans it again. Unfrozen, each full
        # collection while a big village loads in the background stops the window for ~0,2 s.
        gc.freeze()
        gc.enable()
        frame.close()
        # Pages read in background threads; the GUI thread takes the interpreter back from them
        # within 1 ms instead of 5, so painting and typing stay smooth while they work.
        sys.setswitchinterval(0.001)


def _open(args: argparse.Namespace, app: QApplication, settings: Settings) -> Started:
    from desa_budget.rules import load_rules
    from desa_budget.store import audit, secrets
    from desa_budget.store.opening import open_database
    from desa_budget.village.profile import get_profile, is_new_database
    from ui import msgbox
    from ui.app_context import AppContext
    from ui.instance_server import InstanceServer, bring_forward
    from ui.main_window import MainWindow
    from ui.server_login import open_saved

    data_dir, given = getattr(args, "data_dir", None), getattr(args, "db", None)
    # The window is the one writer of a SQLite file: a second window is refused (run_gui then
    # brings the first forward), and so are commands that change data while it is open.
    if given:
        db = open_database(data_dir=data_dir, url=secrets.complete_url(given), access="write")
    else:
        opened = open_saved(
            settings, None, lambda url: open_database(data_dir=data_dir, url=url, access="write")
        )
        if opened is None:  # asked for the server's password, the user chose to quit
            return Started(app, None, None)
        db = opened
    year = settings.last_year or date.today().year
    with db.session() as session:
        new = is_new_database(session)
    if new:  # the wizard (and the demo village behind it) only for a brand-new database
        from ui.first_start import run_first_start

        if not run_first_start(db, year=year, auto_demo=bool(getattr(args, "demo", False))):
            db.dispose()
            return Started(app, None, None)
    with db.session() as session:
        operator = audit.current_operator(session)
        profile = get_profile(session)
    ctx = AppContext(
        db=db, rules=load_rules(), settings=settings, operator=operator, year=year, parent=app
    )
    window = MainWindow(ctx, village=f"Desa {profile.nama_desa}" if profile else "")
    if db.file is not None:
        server = InstanceServer(db.file, parent=window)
        server.show_requested.connect(lambda: bring_forward(window))
    window.show()
    if db.backup_problem is not None:  # e.g. a full disk: the data opens, without today's copy
        msgbox.warning(
            window,
            _("Cadangan harian"),
            _("Cadangan harian hari ini tidak dibuat. {reason}").format(
                reason=db.backup_problem.message
            ),
        )
    return Started(app, window, ctx)


def run_gui(args: argparse.Namespace) -> int:
    """Open the window and run until it is closed; exit status 2 when the data cannot be opened."""
    from desa_budget.store.instance_lock import DatabaseInUse
    from ui import errors

    try:
        started = start(args)
    except DatabaseInUse as exc:
        application()
        return _in_use(exc)
    except UserError as exc:
        application()
        errors.show_user_error(None, exc)
        return EXIT_USER_ERROR
    if started.window is None:
        return 0
    try:
        return started.app.exec()
    finally:
        if started.ctx is not None:
            started.ctx.db.dispose()


def _in_use(exc: "DatabaseInUse") -> int:
    """The data is open in another window: say so, then bring that window forward."""
    from ui import errors, msgbox
    from ui.instance_server import ask_window_to_show, window_listening

    database = exc.database
    if not window_listening(database):  # a command holds it, or a window still starting
        errors.show_user_error(None, exc)
        return EXIT_USER_ERROR
    msgbox.info(
        None,
        _("Jamsos Desa"),
        _(
            "Jamsos Desa sudah dibuka di jendela lain untuk data ini. Jendela itu akan "
            "dimunculkan; lanjutkan bekerja di sana."
        ),
    )
    ask_window_to_show(database)
    return 0


def main(argv: list[str] | None = None) -> int:
    from desa_budget.cli import parse_arguments

    return run_gui(parse_arguments(argv))


if __name__ == "__main__":
    sys.exit(main())
