"""Logging to a rotating file under the data folder (a windowed build has no console), private
to the user and with every NIK and KPJ masked: a log is sent to whoever helps, and kept."""

import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

from desa_budget.paths import NOT_WRITABLE, PRIVATE_FILE, make_private, make_private_folder
from desa_budget.std_streams import ensure_std_streams as ensure_std_streams  # its callers' name
from desa_budget.village.identifiers import mask_nik

LOG_FILENAME = "jamsos_desa.log"

_NIK = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")
# A KPJ is digits in quotes (SQL parameters, a repr) or after the word KPJ. Amounts in a log
# ("pagu 45000000") are not quoted, and stay readable.
_QUOTED_DIGITS = re.compile(r"""(['"])([0-9]{8,20})\1""")
_AFTER_KPJ = re.compile(r"(kpj[^0-9\n]{0,30}?)([0-9]{5,20})", re.IGNORECASE)


def _mask_number(digits: str) -> str:
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_identifiers(text: str) -> str:
    """``text`` with every NIK (16 digits) and KPJ number masked; the rest as it was."""
    text = _NIK.sub(lambda m: mask_nik(m.group(0)), text)
    text = _QUOTED_DIGITS.sub(lambda m: m.group(1) + _mask_number(m.group(2)) + m.group(1), text)
    return _AFTER_KPJ.sub(lambda m: m.group(1) + _mask_number(m.group(2)), text)


class MaskIdentifiers(logging.Filter):
    """Masks a record's message, its traceback (a crash report's SQL parameters) and stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_identifiers(record.getMessage())
        record.args = None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = mask_identifiers(record.exc_text)
        elif record.exc_text:
            record.exc_text = mask_identifiers(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_identifiers(record.stack_info)
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file, the ones made at rollover included, is created readable by its owner only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def _file_handler(path: Path) -> logging.Handler:
    try:
        for old in path.parent.glob(LOG_FILENAME + "*"):
            make_private(old)  # files an earlier version left readable by all
        return PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except (FileNotFoundError, PermissionError):  # a log folder a read-only disk kept from us
        return logging.NullHandler()
    except OSError as exc:
        if exc.errno not in NOT_WRITABLE:
            raise
        return logging.NullHandler()


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the app's log records to ``log_dir/jamsos_desa.log`` (1 MB × 5 files) and return its path.

    A log folder that cannot be written (a read-only data folder) is no reason not to start:
    records then go nowhere, and the path is returned all the same."""
    make_private_folder(log_dir)
    # A log that cannot be written (a full disk) must not print "--- Logging error ---" and a
    # traceback under every command: logging then drops the record silently.
    logging.raiseExceptions = False
    path = log_dir / LOG_FILENAME
    root = logging.getLogger()
    for old_handler in list(root.handlers):
        if getattr(old_handler, "_jamsos", False):
            root.removeHandler(old_handler)
            old_handler.close()
    handler = _file_handler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskIdentifiers())
    handler._jamsos = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
