"""The code catalog: kegiatan, kode rekening and sumber dana rows with their sources, validated."""

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from desa_budget.codes import forms
from desa_budget.errors import UserError
from desa_budget.paths import resources_dir

CONFIDENCE = ("H", "M", "L")
LEVELS = {
    "kegiatan": ("bidang", "sub_bidang", "kegiatan"),
    "rekening": ("akun", "kelompok", "jenis", "objek"),
}
_NORMALIZE = {"kegiatan": forms.normalize_kegiatan, "rekening": forms.normalize_rekening}


@dataclass(frozen=True)
class CodeRow:
    kind: str  # kegiatan / rekening / sumber_dana
    kode: str
    uraian: str
    level: str
    source: str
    confidence: str
    local: bool = False  # added by the village


@dataclass(frozen=True)
class Catalog:
    """Every known code by kind; lookups accept both the dotted and the Siskeudes form."""

    rows: Mapping[str, Mapping[str, CodeRow]] = field(default_factory=dict)

    def find(self, kind: str, value: str) -> str | None:
        """The canonical code for ``value`` if the catalog has it, else None."""
        table = self.rows.get(kind, {})
        if kind == "sumber_dana":
            code = value.strip().upper()
            return code if code in table else None
        try:
            code = _NORMALIZE[kind](value)
        except UserError:
            return None
        return code if code in table else None

    def get(self, kind: str, code: str) -> CodeRow | None:
        return self.rows.get(kind, {}).get(code)

    def uraian(self, kind: str, code: str) -> str:
        row = self.get(kind, code)
        return row.uraian if row else ""

    def chain(self, kind: str, code: str) -> tuple[CodeRow, ...]:
        """The code and its parents, top first: bidang, sub bidang, kegiatan (or akun … objek)."""
        found: list[CodeRow] = []
        current: str | None = code
        while current is not None:
            row = self.get(kind, current)
            if row is not None:
                found.append(row)
            current = forms.parent(current)
        return tuple(reversed(found))

    def items(self, kind: str) -> tuple[CodeRow, ...]:
        return tuple(self.rows.get(kind, {}).values())

    def validate_local(self, jenis: str, kode: str) -> str:
        """A village's own code: a kegiatan or objek numbered 90–99 under an existing parent."""
        if jenis not in LEVELS:
            raise UserError(f"Jenis kode '{jenis}' tidak dikenal (kegiatan atau rekening).")
        code = _NORMALIZE[jenis](kode)
        depth = len(LEVELS[jenis])
        if code.count(".") + 1 != depth or not forms.is_local(code):
            what = "kegiatan (mis. 1.1.91)" if jenis == "kegiatan" else "objek (mis. 5.1.3.91)"
            raise UserError(f"Kode lokal '{kode}' harus berupa {what} bernomor 90 sampai 99.")
        up = forms.parent(code)
        if up is None or self.get(jenis, up) is None:
            raise UserError(f"Kode lokal '{code}' tidak punya induk '{up}' dalam daftar kode.")
        return code

    def with_rows(self, extra: Iterable[CodeRow]) -> "Catalog":
        merged = {kind: dict(table) for kind, table in self.rows.items()}
        for row in extra:
            merged.setdefault(row.kind, {})[row.kode] = row
        ordered = {
            kind: dict(sorted(t.items(), key=lambda kv: _key(kv[0]))) for kind, t in merged.items()
        }
        return Catalog(ordered)

    def with_local(self, local_codes: Iterable[tuple[str, str, str]]) -> "Catalog":
        """This catalog plus the village's local codes ``(jenis, kode, uraian)``."""
        rows = []
        for jenis, kode, uraian in local_codes:
            code = self.validate_local(jenis, kode)
            level = LEVELS[jenis][-1]
            rows.append(CodeRow(jenis, code, uraian, level, "Kode lokal desa", "L", local=True))
        return self.with_rows(rows)


def _key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".")) if code[0].isdigit() else (999,)


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise UserError(f"Berkas daftar kode {path.name} tidak ditemukan di {path.parent}.")
    with path.open(encoding="utf-8", newline="") as handle:
        return [(n, row) for n, row in enumerate(csv.DictReader(handle), start=2)]


def read_code_rows(path: Path, kind: str) -> list[CodeRow]:
    """Rows of one code file, every problem reported with the file name and row number."""
    problems: list[str] = []
    rows: list[CodeRow] = []
    seen: set[str] = set()
    for number, raw in _read(path):
        where = f"{path.name} baris {number}"
        kode = (raw.get("kode") or "").strip()
        uraian = (raw.get("uraian") or "").strip()
        confidence = (raw.get("confidence") or "").strip()
        level = (raw.get("level") or "").strip() if kind != "sumber_dana" else "sumber_dana"
        try:
            code = _NORMALIZE[kind](kode) if kind in _NORMALIZE else kode.upper()
        except UserError as exc:
            problems.append(f"{where}: {exc.message}")
            continue
        if kind in LEVELS and level != LEVELS[kind][min(code.count("."), len(LEVELS[kind]) - 1)]:
            problems.append(f"{where}: tingkat '{level}' tidak cocok dengan bentuk kode {code}.")
        if not uraian:
            problems.append(f"{where}: uraian kosong.")
        if confidence not in CONFIDENCE:
            problems.append(f"{where}: tingkat keyakinan harus H, M atau L, bukan '{confidence}'.")
        if not (raw.get("source") or "").strip():
            problems.append(f"{where}: sumber (source) kosong.")
        if code in seen:
            problems.append(f"{where}: kode {code} tercantum dua kali.")
        seen.add(code)
        source = (raw.get("source") or "").strip()
        rows.append(CodeRow(kind, code, uraian, level, source, confidence))
    if kind in LEVELS:
        for row in rows:
            up = forms.parent(row.kode)
            if up is not None and up not in seen:
                problems.append(f"{path.name}: kode {row.kode} tidak punya induk {up}.")
    if problems:
        raise UserError(f"Daftar kode {path.name} tidak sah.", details=problems)
    return rows


@cache
def _national(folder: Path) -> Catalog:
    rows: list[CodeRow] = []
    for kind, name in (
        ("kegiatan", "kegiatan.csv"),
        ("rekening", "rekening.csv"),
        ("sumber_dana", "sumber_dana.csv"),
    ):
        rows += read_code_rows(folder / name, kind)
    return Catalog().with_rows(rows)


def load_catalog(folder: Path | None = None) -> Catalog:
    """The national catalog from resources/codes (read and validated once per folder)."""
    return _national((folder or resources_dir() / "codes").resolve())


def catalog_for(profile_name: str, local_codes: Iterable[tuple[str, str, str]] = ()) -> Catalog:
    """National codes + the kabupaten profile's own rows + the village's local codes."""
    from desa_budget.codes.profiles import get_kabupaten_profile

    profile = get_kabupaten_profile(profile_name)
    return load_catalog().with_rows(profile.extra_rows).with_local(local_codes)
