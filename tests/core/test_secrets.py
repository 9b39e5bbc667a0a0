"""The shared server's password lives in the credential store, keyed by the URL without it; with
no store (or a store that fails) nothing is kept anywhere and nothing crashes."""

import argparse
from types import SimpleNamespace
from typing import Any

import keyring
import pytest
from keyring.backends import fail, null

from desa_budget.cli import common
from desa_budget.store import secrets

URL = "postgresql+psycopg://sekdes:rahasia@kantor:5432/jamsos"
BARE = "postgresql+psycopg://sekdes@kantor:5432/jamsos"


class BrokenKeyring(fail.Keyring):
    """A store that fails in its own way (a D-Bus or Windows error, not a KeyringError)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise OSError("the credential service stopped")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError("the credential service stopped")


def test_the_password_is_split_from_the_url_and_put_back() -> None:
    assert secrets.split_password(URL) == secrets.ServerAddress(BARE, "rahasia")
    assert secrets.with_password(BARE, "rahasia") == URL
    odd = secrets.with_password(BARE, "p@ss:w/rd%")  # quoted in the URL, whole again when split
    assert "p@ss" not in odd and secrets.split_password(odd).password == "p@ss:w/rd%"
    assert secrets.split_password(BARE) == secrets.ServerAddress(BARE, None)
    assert secrets.split_password("bukan alamat") == secrets.ServerAddress("bukan alamat", None)


def test_a_password_kept_in_the_store_completes_the_url(credential_store: Any) -> None:
    assert secrets.save_password(BARE, "rahasia") is True
    assert credential_store.passwords == {("JamsosDesa", BARE): "rahasia"}
    assert secrets.saved_password(BARE) == "rahasia"
    assert secrets.complete_url(BARE) == URL
    assert secrets.complete_url(URL.replace("rahasia", "lain")) == URL.replace("rahasia", "lain")
    secrets.forget_password(BARE)
    assert credential_store.passwords == {}
    assert secrets.complete_url(BARE) == BARE
    secrets.forget_password(BARE)  # nothing to forget: no error


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, BrokenKeyring])
def test_without_a_working_store_nothing_is_kept_and_nothing_crashes(backend: type) -> None:
    keyring.set_keyring(backend())
    assert secrets.save_password(BARE, "rahasia") is False
    assert secrets.saved_password(BARE) is None
    assert secrets.complete_url(BARE) == BARE
    secrets.forget_password(BARE)


def test_the_command_line_uses_the_kept_password(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str | None] = []

    def fake_open(*, data_dir: object, url: str | None, access: str) -> object:
        opened.append(url)
        return SimpleNamespace(backup_problem=None)

    monkeypatch.setattr(common, "open_database", fake_open)
    secrets.save_password(BARE, "rahasia")
    common.open_from_args(argparse.Namespace(data_dir=None, db=BARE))
    common.open_from_args(argparse.Namespace(data_dir="data", db=None))
    assert opened == [URL, None]
