"""Folders that cannot be written and disks that are full, for real: permission bits do not stop
root, so as root a read-only bind mount, ``chattr +i`` and a tiny tmpfs are used; without root,
permission bits (a full disk then cannot be made and the test is skipped, saying why)."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """``folder`` as a read-only folder (its contents unchanged); yields the path to use."""
    if not IS_ROOT:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield folder
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    if not _run("mount", "--bind", "-o", "ro", str(folder), str(view)):
        view.rmdir()
        pytest.skip("read-only bind mount not possible here (mount --bind -o ro failed)")
    try:
        if os.access(view, os.W_OK):  # an older mount(8) ignores ro on the first bind
            _run("mount", "-o", "remount,ro,bind", str(view))
        assert not os.access(view, os.W_OK), "the bind mount is not read-only"
        yield view
    finally:
        _run("umount", str(view))
        view.rmdir()


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """One file nobody can change, root included."""
    if not IS_ROOT:
        mode = path.stat().st_mode
        path.chmod(0o400)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not _run("chattr", "+i", str(path)):
        pytest.skip("chattr +i not possible on this file system")
    try:
        yield
    finally:
        _run("chattr", "-i", str(path))


@contextmanager
def tiny_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A small file system of its own at ``folder`` (tmpfs), to be filled up."""
    if not IS_ROOT:
        pytest.skip("a full disk needs a tmpfs mount, which needs root")
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)):
        pytest.skip("tmpfs mount not possible here (mount -t tmpfs failed)")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path, *, leave: int) -> Path:
    """Fill the disk of ``folder`` until ``leave`` bytes are free; returns the filler file."""
    filler = folder / "pengisi.bin"
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))
    return filler


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its content, to prove nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "pengisi.bin"
    }
