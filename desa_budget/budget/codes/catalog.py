"""The code catalog: kegiatan, kode rekening and sumber dana rows with their sources, validated."""

import csv
import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from desa_budget.budget.codes import forms
from desa_budget.errors import UserError
from desa_budget.i18n import _
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

    def validate_local(self, jenis: str, kode: str, *, allow_existing: bool = False) -> str:
        """A village's own code: a kegiatan or objek numbered 90–99 under an existing parent.

        Returns the dotted form. A code the catalog already has is refused unless
        ``allow_existing`` (when re-reading codes the village saved earlier)."""
        if jenis not in LEVELS:
            raise UserError(
                _("Jenis kode '{jenis}' tidak dikenal (kegiatan atau rekening).").format(
                    jenis=jenis
                )
            )
        code = _NORMALIZE[jenis](kode)
        depth = len(LEVELS[jenis])
        if code.count(".") + 1 != depth or not forms.is_local(code):
            what = (
                _("kegiatan (mis. 1.1.91)") if jenis == "kegiatan" else _("objek (mis. 5.1.3.91)")
            )
            raise UserError(
                _("Kode lokal '{kode}' harus berupa {what} bernomor 90 sampai 99.").format(
                    kode=kode, what=what
                )
            )
        up = forms.parent(code)
        if up is None or self.get(jenis, up) is None:
            raise UserError(
                _("Kode lokal '{kode}' tidak punya induk '{parent}' dalam daftar kode.").format(
                    kode=code, parent=up
                )
            )
        existing = self.get(jenis, code)
        if existing is not None and not allow_existing:
            raise UserError(
                _("Kode {kode} sudah ada dalam daftar kode: {uraian}.").format(
                    kode=code, uraian=existing.uraian
                )
            )
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
        """This catalog plus the village's local codes ``(jenis, kode, uraian)``.

        Each must be a kegiatan or objek numbered 90–99 under a known parent (UserError in
        Indonesian otherwise). A village code with the number of a shipped one replaces its uraian:
        the village's own wording is what it prints."""
        rows = []
        for jenis, kode, uraian in local_codes:
            code = self.validate_local(jenis, kode, allow_existing=True)
            level = LEVELS[jenis][-1]
            rows.append(CodeRow(jenis, code, uraian, level, "Kode lokal desa", "L", local=True))
        return self.with_rows(rows)


def _key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".")) if code[0].isdigit() else (999,)


COLUMNS = {
    "kegiatan": ("kode", "level", "uraian", "source", "confidence"),
    "rekening": ("kode", "level", "uraian", "source", "confidence"),
    "sumber_dana": ("kode", "uraian", "source", "confidence"),
}


def _read(path: Path, kind: str) -> list[tuple[str, dict[str, str]]]:
    if not path.exists():
        raise UserError(
            _("Berkas daftar kode {file} tidak ditemukan di {folder}.").format(
                file=path.name, folder=path.parent
            )
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS[kind] if c not in (reader.fieldnames or [])]
        if missing:
            raise UserError(
                _(
                    "Daftar kode {file} tidak sah: baris 1 (judul kolom) tidak memuat kolom {columns}."
                ).format(file=path.name, columns=", ".join(missing))
            )
        return [
            (_("{file} baris {line}").format(file=path.name, line=n), row)
            for n, row in enumerate(reader, start=2)
        ]


def read_code_rows(path: Path, kind: str, *, known: Collection[str] = ()) -> list[CodeRow]:
    """Rows of one code file (CSV), every problem reported with the file name and row number."""
    return parse_code_rows(_read(path, kind), kind, path.name, known=known)


def _text(raw: Mapping[str, object], column: str) -> str:
    value = raw.get(column)
    return "" if value is None else str(value).strip()


def parse_code_rows(
    records: Iterable[tuple[str, Mapping[str, object]]],
    kind: str,
    name: str,
    *,
    known: Collection[str] = (),
) -> list[CodeRow]:
    """Code rows from ``(where, fields)`` pairs, ``where`` naming the file and row for messages.

    Every problem is collected (bad shape, level, empty uraian or source, unknown confidence,
    duplicates, a missing parent) and reported in one UserError. ``known`` codes (e.g. the
    national ones under a kabupaten's additions) count as parents and may not be repeated."""
    problems: list[str] = []
    rows: list[CodeRow] = []
    where_of: dict[str, str] = {}
    for where, raw in records:
        text = functools.partial(_text, raw)
        level = text("level") if kind != "sumber_dana" else "sumber_dana"
        try:
            code = _NORMALIZE[kind](text("kode")) if kind in _NORMALIZE else text("kode").upper()
        except UserError as exc:
            problems.append(f"{where}: {exc.message}")
            continue
        if not code:
            problems.append(_("{where}: kode kosong.").format(where=where))
            continue
        if kind in LEVELS and level != LEVELS[kind][min(code.count("."), len(LEVELS[kind]) - 1)]:
            problems.append(
                _("{where}: tingkat '{level}' tidak cocok dengan bentuk kode {kode}.").format(
                    where=where, level=level, kode=code
                )
            )
        if not text("uraian"):
            problems.append(_("{where}: uraian kosong.").format(where=where))
        if text("confidence") not in CONFIDENCE:
            problems.append(
                _("{where}: tingkat keyakinan harus H, M atau L, bukan '{value}'.").format(
                    where=where, value=text("confidence")
                )
            )
        if not text("source"):
            problems.append(_("{where}: sumber (source) kosong.").format(where=where))
        if code in where_of:
            problems.append(
                _("{where}: kode {kode} tercantum dua kali (juga di {other}).").format(
                    where=where, kode=code, other=where_of[code]
                )
            )
        elif code in known:
            problems.append(
                _("{where}: kode {kode} sudah ada dalam daftar kode nasional.").format(
                    where=where, kode=code
                )
            )
        where_of.setdefault(code, where)
        rows.append(CodeRow(kind, code, text("uraian"), level, text("source"), text("confidence")))
    if kind in LEVELS:
        for row in rows:
            up = forms.parent(row.kode)
            if up is not None and up not in where_of and up not in known:
                problems.append(
                    _("{where}: kode {kode} tidak punya induk {parent}.").format(
                        where=where_of[row.kode], kode=row.kode, parent=up
                    )
                )
    if problems:
        raise UserError(_("Daftar kode {name} tidak sah.").format(name=name), details=problems)
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
