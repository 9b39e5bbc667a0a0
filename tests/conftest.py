"""Test-wide setup: Qt renders offscreen, and no test touches the user's real data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
