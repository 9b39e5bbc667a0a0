"""Test-wide setup: Qt renders offscreen, no test touches the user's real data folder, and no
test touches the system's credential store (an in-memory keyring stands in for it)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# child processes (the self-test, the bundle) get the "no store" backend, never the real one
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Iterator  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A credential store that lives as long as one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture(autouse=True)
def credential_store() -> Iterator[MemoryKeyring]:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(MemoryKeyring())
