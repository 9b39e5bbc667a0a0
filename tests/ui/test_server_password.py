"""The shared server's password never lands in the settings file: it goes to the credential store
(an in-memory one here), or, on a computer without one, it is asked at every start; a password an
older version left in the file moves out of it on first read."""

import argparse
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from desa_budget.errors import UserError
from ui import server_login
from ui.app_context import AppContext
from ui.dialogs.server_password import ServerPasswordDialog
from ui.main import start
from ui.pages.pengaturan import PengaturanPage
from ui.server_login import (
    ASK,
    STORE,
    forget_server,
    open_saved,
    opening_url,
    remember_server,
    saved_server,
)
from ui.settings import Settings

URL = "postgresql+psycopg://sekdes:rahasia@kantor/jamsos"
BARE = "postgresql+psycopg://sekdes@kantor/jamsos"
TIMEOUT = 20_000


def file_text(settings: Settings) -> str:
    settings.sync()
    return Path(settings.file_name).read_text(encoding="utf-8")


def asked(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[str]:
    reasons: list[str] = []

    def ask(cls: type, parent: object, *, url: str, reason: str) -> str | None:
        assert url == BARE
        reasons.append(reason)
        return answer

    monkeypatch.setattr(ServerPasswordDialog, "ask", classmethod(ask))
    return reasons


def test_the_password_goes_to_the_store_and_comes_back_at_start(
    settings: Settings, credential_store: Any, boxes: Any
) -> None:
    assert remember_server(settings, URL) == STORE
    assert settings.server_url == BARE and settings.server_password == STORE
    assert "rahasia" not in file_text(settings) and "sekdes@kantor" in file_text(settings)
    assert credential_store.passwords == {("JamsosDesa", BARE): "rahasia"}
    assert opening_url(settings, None) == URL
    server_login.tell_server_saved(None, STORE)
    assert "Credential Manager" in boxes.texts()[0]
    forget_server(settings)
    assert settings.server_url == "" and credential_store.passwords == {}
    assert opening_url(settings, None) == ""


def test_without_a_store_the_password_is_not_kept_but_asked_at_start(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    keyring.set_keyring(fail.Keyring())
    assert remember_server(settings, URL) == ASK
    assert settings.server_url == BARE and "rahasia" not in file_text(settings)
    server_login.tell_server_saved(None, ASK)
    assert boxes.titles() == ["Server bersama"]
    assert "tidak punya penyimpanan sandi" in boxes.texts()[0]
    assert "setiap kali dibuka" in boxes.texts()[0]
    reasons = asked(monkeypatch, "rahasia")
    assert opening_url(settings, None) == URL
    assert "tidak punya penyimpanan sandi" in reasons[0]
    asked(monkeypatch, None)
    assert opening_url(settings, None) is None  # the user chose to quit


def test_a_password_missing_from_the_store_is_asked(
    settings: Settings, credential_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_server(settings, URL)
    credential_store.passwords.clear()  # e.g. removed in Credential Manager
    reasons = asked(monkeypatch, "baru")
    assert opening_url(settings, None) == URL.replace("rahasia", "baru")
    assert "tidak ditemukan" in reasons[0]
    assert credential_store.passwords == {}  # an unchecked password is not stored


def test_a_kept_password_the_server_refuses_is_asked_again_and_replaced(
    settings: Settings, credential_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_server(settings, URL)
    tried: list[str | None] = []

    def open_url(url: str | None) -> str:
        tried.append(url)
        if url != URL.replace("rahasia", "baru"):
            raise UserError("Tidak dapat terhubung: password authentication failed.")
        return "terbuka"

    reasons = asked(monkeypatch, "baru")
    assert open_saved(settings, None, open_url) == "terbuka"
    assert tried == [URL, URL.replace("rahasia", "baru")]
    assert "password authentication failed" in reasons[0]
    assert credential_store.passwords == {("JamsosDesa", BARE): "baru"}
    asked(monkeypatch, "salah lagi")
    with pytest.raises(UserError):  # still refused: the error is shown, nothing is stored
        open_saved(settings, None, lambda url: open_url(None))
    assert credential_store.passwords == {("JamsosDesa", BARE): "baru"}
    asked(monkeypatch, None)
    assert open_saved(settings, None, lambda url: open_url(None)) is None  # chose to quit


def test_an_asked_password_the_server_refuses_is_an_error_not_a_loop(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    remember_server(settings, URL)
    reasons = asked(monkeypatch, "salah")

    def refuse(url: str | None) -> str:
        raise UserError("Tidak dapat terhubung: password authentication failed.")

    with pytest.raises(UserError):
        open_saved(settings, None, refuse)
    assert len(reasons) == 1
    elsewhere = Settings.in_folder(Path(settings.file_name).parent / "lain")
    assert open_saved(elsewhere, None, lambda url: ("dibuka", url)) == ("dibuka", None)  # SQLite


def test_a_server_without_password_opens_as_saved(
    settings: Settings, credential_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert remember_server(settings, BARE) == ""
    asked(monkeypatch, "tidak ditanya")
    assert opening_url(settings, None) == BARE and credential_store.passwords == {}


def test_an_old_settings_file_password_moves_into_the_store(
    settings: Settings, credential_store: Any, boxes: Any
) -> None:
    settings.server_url = URL  # as the first version wrote it
    assert "rahasia" in file_text(settings)
    assert opening_url(settings, None) == URL
    assert "rahasia" not in file_text(settings) and settings.server_password == STORE
    assert credential_store.passwords == {("JamsosDesa", BARE): "rahasia"}
    assert boxes.titles() == []
    assert opening_url(settings, None) == URL  # from the store from now on


def test_an_old_password_without_a_store_leaves_the_file_and_the_user_is_told(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    keyring.set_keyring(fail.Keyring())
    settings.server_url = URL
    assert opening_url(settings, None) == URL  # this start still opens
    assert "rahasia" not in file_text(settings) and settings.server_password == ASK
    assert boxes.titles() == ["Server bersama"] and "Catat sandinya" in boxes.texts()[0]
    reasons = asked(monkeypatch, "rahasia")
    assert opening_url(settings, None) == URL and reasons


def test_pengaturan_reads_an_old_file_without_showing_or_keeping_the_password(
    qtbot: QtBot, ctx: AppContext, credential_store: Any
) -> None:
    ctx.settings.server_url = URL
    page = PengaturanPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert "rahasia" not in page.data_tab.server_label.text() and "Credential Manager" in (
        page.data_tab.server_label.text()
    )
    assert saved_server(ctx.settings).url == BARE and "rahasia" not in file_text(ctx.settings)


def test_pengaturan_saves_the_password_in_the_store(
    qtbot: QtBot,
    ctx: AppContext,
    credential_store: Any,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    from ui import first_start

    class Works:
        def __init__(self, *, url: str) -> None:
            assert url == URL

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(first_start, "open_database", Works)
    page = PengaturanPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.data_tab.server_url.setText(URL)
    with qtbot.waitSignal(page.data_tab.server_checked, timeout=TIMEOUT) as blocker:
        page.data_tab.connect_server_button.click()
    assert blocker.args == [""]
    assert ctx.settings.server_url == BARE and "rahasia" not in file_text(ctx.settings)
    assert credential_store.passwords == {("JamsosDesa", BARE): "rahasia"}
    assert boxes.titles() == ["Server bersama"] and "Credential Manager" in boxes.texts()[0]
    page.data_tab.forget_server_button.click()
    assert ctx.settings.server_url == "" and credential_store.passwords == {}


def test_the_password_dialog_opens_only_with_a_password(qtbot: QtBot) -> None:
    dialog = ServerPasswordDialog(None, url=BARE, reason="Sandi tidak disimpan.")
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.password, "rahasia")
    assert dialog.open_button.isEnabled()


def test_quitting_at_the_password_question_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    settings = Settings.in_folder(tmp_path)
    remember_server(settings, URL)
    asked(monkeypatch, None)
    previous_hook = sys.excepthook
    try:
        started = start(argparse.Namespace(data_dir=str(tmp_path), db=None))
    finally:
        sys.excepthook = previous_hook
    assert started.window is None and started.ctx is None
