"""What the window's error funnel writes to the log (and shows in the crash dialog someone may
copy to a helper) carries no full NIK or KPJ: neither a user error's sentence nor the SQL
parameters of a crash report."""

import logging
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from desa_budget.errors import UserError
from desa_budget.logging_setup import configure_logging
from ui.errors import ExceptionFunnel

NIK = "3302121708800001"
KPJ = "12345678901"


def raised(exc: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise exc
    except BaseException:  # noqa: BLE001
        return sys.exc_info()  # type: ignore[return-value]


def log_text(log: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log.read_text(encoding="utf-8")


def test_a_user_error_is_logged_without_the_nik(tmp_path: Path, boxes: Any) -> None:
    log = configure_logging(tmp_path / "logs")
    funnel = ExceptionFunnel(log, previous=lambda *a: None)
    funnel(*raised(UserError(f"NIK {NIK} sudah terdaftar atas nama Slamet.")))
    written = log_text(log)
    assert "sudah terdaftar atas nama Slamet" in written and NIK not in written
    assert boxes.texts() == [f"NIK {NIK} sudah terdaftar atas nama Slamet."]  # the screen: full


def test_a_crash_report_with_sql_parameters_is_masked(tmp_path: Path, boxes: Any) -> None:
    log = configure_logging(tmp_path / "logs")
    funnel = ExceptionFunnel(log, previous=lambda *a: None)
    params = {"nik": NIK, "nama": "Slamet", "nomor_kpj": KPJ}
    crash = IntegrityError(
        "INSERT INTO person (nik, nama, nomor_kpj) VALUES (?, ?, ?)", params, Exception("UNIQUE")
    )
    funnel(*raised(crash))
    written = log_text(log)
    assert "IntegrityError" in written and "Traceback" in written
    assert NIK not in written and KPJ not in written
    _title, report, details = boxes.shown[0]
    assert NIK not in report + details and KPJ not in report + details
    assert "IntegrityError" in details
