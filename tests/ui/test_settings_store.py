"""Typed settings: declared defaults, values come back with their type, files beside the data."""

from pathlib import Path

from ui.settings import Settings


def test_defaults_and_round_trip(tmp_path: Path) -> None:
    settings = Settings.in_folder(tmp_path)
    assert settings.language == "id" and settings.last_year == 0 and settings.window_geometry == b""
    settings.language = "en"
    settings.last_year = 2027
    settings.window_geometry = b"\x01\x02\xff"
    settings.last_import_dir = "/data/impor"
    settings.sync()
    again = Settings.in_folder(tmp_path)
    assert again.language == "en"
    assert again.last_year == 2027 and isinstance(again.last_year, int)
    assert again.window_geometry == b"\x01\x02\xff"
    assert again.last_import_dir == "/data/impor"
    assert Path(again.file_name).parent == tmp_path


def test_a_damaged_value_falls_back_to_the_default(tmp_path: Path) -> None:
    (tmp_path / "jamsos_desa.ini").write_text("[window]\nlast_year=banyak\n", encoding="utf-8")
    assert Settings.in_folder(tmp_path).last_year == 0
