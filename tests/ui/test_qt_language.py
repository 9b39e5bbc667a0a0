"""Qt's own words in the Indonesian window: the text fields' right-click menu, the calendar, the
standard buttons and the file dialog; and the app's own labels where English used to slip in."""

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from desa_budget.i18n import locale_dir
from ui import i18n
from ui.app_context import AppContext
from ui.pages.dokumen import DokumenPage
from ui.pages.pengaturan import TAB_RULES, PengaturanPage
from ui.widgets.plan_inputs import PlanInputs


def menu_texts(widget: QLineEdit | QPlainTextEdit | QSpinBox) -> list[str]:
    if isinstance(widget, QSpinBox):
        menu = widget.lineEdit().createStandardContextMenu()
    else:
        menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    menu.deleteLater()
    return texts


def test_the_right_click_menu_of_a_text_field_is_indonesian(qtbot: QtBot) -> None:
    edit = QLineEdit("Suparno")
    qtbot.addWidget(edit)
    texts = menu_texts(edit)
    assert {"Batalkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"} <= set(texts)
    assert not {"Undo", "Copy", "Paste", "Select All"} & set(texts)
    area = QPlainTextEdit("catatan")
    qtbot.addWidget(area)
    assert {"Salin", "Tempel", "Pilih semua"} <= set(menu_texts(area))


def test_the_calendar_speaks_indonesian(qtbot: QtBot) -> None:
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    locale = calendar.locale()
    assert locale.monthName(12) == "Desember"
    assert locale.dayName(1, QLocale.FormatType.ShortFormat) == "Sen"
    assert QLocale().language() == QLocale.Language.Indonesian


def test_standard_buttons_and_the_file_dialog_are_indonesian(qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Batal"
    dialog = QFileDialog(None, "Simpan", "", "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.text().replace("&", "") for w in dialog.findChildren(type(box.button(
        QDialogButtonBox.StandardButton.Cancel)))}  # fmt: skip
    assert "Batal" in labels


def test_english_takes_qt_back_to_english(qtbot: QtBot) -> None:
    i18n.set_language("en")
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert "Copy" in menu_texts(edit)
    assert QLocale().language() == QLocale.Language.English


def test_no_english_words_in_the_indonesian_labels(qtbot: QtBot, ctx: AppContext) -> None:
    inputs = PlanInputs()
    qtbot.addWidget(inputs)
    modes = [inputs.mode.itemText(i) for i in range(inputs.mode.count())]
    assert not any("strict" in m or "fill" in m for m in modes)
    documents = DokumenPage(ctx)
    qtbot.addWidget(documents)
    arrows = [documents.orientation.itemText(i) for i in range(documents.orientation.count())]
    assert not any("portrait" in a or "landscape" in a for a in arrows)
    settings = PengaturanPage(ctx)
    qtbot.addWidget(settings)
    settings.tabs.setCurrentIndex(TAB_RULES)
    settings.rules_tab.rule_table.setCurrentIndex(
        settings.rules_tab.rule_table.findData("pu_rates.csv")
    )
    model = settings.rules_tab.rule_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Program", "Kelas risiko JKK", "Pemberi kerja (%)", "Pekerja (%)"]


def test_the_compiled_qt_catalog_is_up_to_date(tmp_path: Path) -> None:
    source = locale_dir() / "id" / "qt_id.ts"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease is not None
    subprocess.run(
        [lrelease, "-silent", str(source), "-qm", str(tmp_path / "qt_id.qm")], check=True
    )
    assert (tmp_path / "qt_id.qm").read_bytes() == source.with_suffix(".qm").read_bytes(), (
        "run scripts/update_translations.py"
    )
