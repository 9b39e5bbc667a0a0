"""Pausing Python's cycle collector while a burst of long-lived objects is made (imports, a PDF)."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block (reference counting still frees what it can).

    Importing the app's modules or laying out a 100-page PDF makes hundreds of thousands of
    objects that all live until the end of the block; the collector would walk them again and
    again (a third of a 2.000-person document's time) and find nothing to free. Afterwards it
    runs as before, and collects any cycles left then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
