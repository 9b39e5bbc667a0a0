"""What the penjabaran and RAB print per budget line: the line, its Semula (the adopted murni) for a
perubahan, and the errors marked on it, so a camat sees on the paper what the app calls wrong."""

from collections.abc import Sequence
from dataclasses import dataclass

from desa_budget.budget.checks import DDS, line_key
from desa_budget.budget.lines import BudgetLine
from desa_budget.format import format_number
from desa_budget.reports.data import AnnexData
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

Key = tuple[
    str, str, str, str
]  # kegiatan, rekening, sumber dana, uraian (as versions.diff_versions)


@dataclass(frozen=True)
class Pair:
    """One budget line as printed: ``menjadi`` (the version's), ``semula`` (a perubahan's murni)."""

    kegiatan: str
    rekening: str
    sumber_dana: str
    uraian: str
    menjadi: BudgetLine | None
    semula: BudgetLine | None = None

    @property
    def new(self) -> int:
        return self.menjadi.jumlah if self.menjadi else 0

    @property
    def old(self) -> int:
        return self.semula.jumlah if self.semula else 0

    @property
    def line(self) -> BudgetLine:
        line = self.menjadi or self.semula
        assert line is not None
        return line


def _key(line: BudgetLine) -> Key:
    return (line.kegiatan, line.rekening, line.sumber_dana, line.uraian)


def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 999 for part in code.split("."))


def pairs(data: AnnexData) -> list[Pair]:
    """Every line of the version, and for a perubahan every murni line matched by key (a line
    dropped in the perubahan stays, at 0), in code order."""
    found: dict[Key, Pair] = {}
    for line in data.lines.lines:
        key = _key(line)
        old = found.get(key)
        if old is not None and old.menjadi is not None:  # two lines, one key: print both
            key = (*key[:3], f"{key[3]} ({len(found)})")
        found[key] = Pair(*key, menjadi=line)
    if data.semula is not None:
        for line in data.semula.lines.lines:
            key = _key(line)
            found[key] = Pair(*key, menjadi=found[key].menjadi if key in found else None,
                              semula=line)  # fmt: skip
    return sorted(found.values(), key=_order)


def _order(pair: Pair) -> tuple[object, ...]:
    """The order of budget.lines.build_lines: codes, sumber dana, category rank, programs."""
    line = pair.line
    rank = categories.BY_KEY[line.kategori].rank if line.kategori in categories.BY_KEY else 99
    programs = [PROGRAMS.index(p) for p in line.programs if p in PROGRAMS]
    return (code_key(pair.kegiatan), code_key(pair.rekening), pair.sumber_dana, rank, programs,
            pair.uraian)  # fmt: skip


def tree(rows: Sequence[Pair]) -> dict[str, dict[str, list[Pair]]]:
    """Pairs by kegiatan, then by objek (kode rekening), keeping the code order."""
    out: dict[str, dict[str, list[Pair]]] = {}
    for pair in rows:
        out.setdefault(pair.kegiatan, {}).setdefault(pair.rekening, []).append(pair)
    return out


def selisih_text(amount: int) -> str:
    """Bertambah as 1.234, berkurang in brackets (1.234), no change "-"."""
    if amount == 0:
        return "-"
    return format_number(amount) if amount > 0 else f"({format_number(-amount)})"


@dataclass(frozen=True)
class Marks:
    """The version's errors, numbered, and the lines each one concerns (by checks.line_key)."""

    errors: tuple[str, ...]
    by_line: dict[str, tuple[int, ...]]

    def of(self, line: BudgetLine | None) -> str:
        numbers = self.by_line.get(line_key(line), ()) if line is not None else ()
        return " ".join(f"[!{n}]" for n in numbers)


def error_marks(data: AnnexData) -> Marks:
    """Number every error; a line error marks its line, a Dana Desa error every DDS line of the
    category or person it names."""
    by_line: dict[str, list[int]] = {}
    for number, finding in enumerate(data.checks.errors, start=1):
        keys: list[str] = []
        if finding.target_kind == "line":
            keys = [finding.target]
        elif finding.kode == "dds":
            for line in data.lines.lines:
                ours = (finding.target_kind == "kategori" and line.kategori == finding.target) or (
                    finding.target_kind == "person"
                    and finding.target.isdigit()
                    and int(finding.target) in line.person_ids
                )
                if ours and line.sumber_dana == DDS:
                    keys.append(line_key(line))
        for key in keys:
            if number not in by_line.setdefault(key, []):
                by_line[key].append(number)
    return Marks(
        tuple(f.message for f in data.checks.errors),
        {k: tuple(v) for k, v in by_line.items()},
    )
