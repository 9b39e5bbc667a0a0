"""Logging to a rotating file under the data folder (a windowed build has no console)."""

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_FILENAME = "jamsos_desa.log"


def ensure_std_streams() -> None:
    """A windowed (frozen, no console) build has sys.stdout/stderr set to None: give them a sink."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the app)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the app's log records to ``log_dir/jamsos_desa.log`` (1 MB × 5 files) and return its path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_jamsos", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._jamsos = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
