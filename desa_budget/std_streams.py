"""Standard streams for a windowed build, before anything may write to them (argparse included)."""

import os
import sys


def ensure_std_streams() -> None:
    """A windowed (frozen, no console) build has sys.stdout/stderr set to None: give them a sink."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the app)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
