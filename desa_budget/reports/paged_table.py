"""A long ruled table laid out a page at a time, in time linear in its rows.

reportlab splits a long table by building the whole rest of it again after every page, so a
2.000-row list took seconds (every remaining row, span and style re-read on each of 90 pages).
:class:`PagedTable` hands reportlab only a window of rows a little longer than the page, lets it
split that window exactly as it would the whole table (same rows per page, same repeated header,
same NOSPLIT and SPAN rules), and keeps the rest for the next page.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, LongTable
from reportlab.platypus.tables import LINECOMMANDS

from desa_budget.reports.batched import BatchedTextTable

Command = tuple[Any, ...]
FIRST_WINDOW = 48  # rows tried on the first page; later pages start from the last page's count


def _absolute(commands: Sequence[Command], rows: int) -> list[Command]:
    """Style commands with negative (from the end) row numbers made absolute."""
    out = []
    for op, (sc, sr), (ec, er), *rest in commands:
        out.append(
            (op, (sc, sr + rows if sr < 0 else sr), (ec, er + rows if er < 0 else er), *rest)
        )
    return out


def _free_ends(commands: Sequence[Command], rows: int) -> list[int]:
    """For every row boundary b (0..rows), the first boundary at or after b that cuts no SPAN or
    NOSPLIT range: a window ending there splits the way the whole table would."""
    blocked = [False] * (rows + 1)
    for op, (_sc, sr), (_ec, er), *_rest in commands:
        if op in ("SPAN", "NOSPLIT") and er > sr:
            for b in range(sr + 1, er + 1):
                blocked[b] = True
    free = list(range(rows + 1))
    for b in range(rows - 1, -1, -1):
        if blocked[b]:
            free[b] = free[b + 1]
    return free


# Commands that place something over a range of cells (lines, fills, spans, keep-together):
# moved with each window. Every other command styles cells, and is applied once to all rows.
_PLACED = frozenset({"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT"}) | set(
    LINECOMMANDS
)


@dataclass(frozen=True)
class _Shared:
    """What every page's piece of one table shares: the placed commands (rows absolute), the
    boundaries a window may end at, and every cell's style, worked out once."""

    placed: list[Command]
    free: list[int]
    cell_styles: list[list[Any]]

    @classmethod
    def of(cls, rows: list[list[object]], commands: Sequence[Command]) -> "_Shared":
        absolute = _absolute(commands, len(rows))
        placed = [c for c in absolute if c[0] in _PLACED]
        styling = [c for c in absolute if c[0] not in _PLACED]
        return cls(placed, _free_ends(placed, len(rows)), _cell_styles(rows, styling))


def _cell_styles(rows: list[list[object]], commands: Sequence[Command]) -> list[list[Any]]:
    """Every cell's style (font, alignment, padding ...) as reportlab works it out from
    ``commands``. Rows between two command edges are styled alike, so each such band is styled
    once, by reportlab, on a one-row table, and its rows share those styles (read only)."""
    edges = sorted({0, len(rows)} | {c[1][1] for c in commands} | {c[2][1] + 1 for c in commands})
    styles: list[list[Any]] = []
    for start, end in zip(edges, edges[1:], strict=False):
        if start >= len(rows):
            break
        band = [
            (op, (sc, 0), (ec, 0), *rest)
            for op, (sc, sr), (ec, er), *rest in commands
            if sr <= start <= er
        ]
        one = LongTable([rows[start]], normalizedData=1)
        one.setStyle(band)
        styles += [list(one._cellStyles[0]) for _ in range(start, min(end, len(rows)))]
    return styles


class _Window(BatchedTextTable):
    """A LongTable that lays itself out once per available size: reportlab's split() repeats
    the whole layout that wrap() has just done at the same size, for the same result."""

    _laid_out: tuple[float, float] | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        if self._laid_out == (availWidth, availHeight):
            return
        super()._calc(availWidth, availHeight)
        self._laid_out = (availWidth, availHeight)


class PagedTable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """``rows`` with ``header_rows`` repeated on every page, styled by ``commands`` (reportlab
    TableStyle commands), split into pages as one LongTable(splitByRow=1) would be."""

    def __init__(
        self,
        rows: list[list[object]],
        widths: Sequence[float],
        *,
        header_rows: int,
        commands: Sequence[Command],
        _start: int | None = None,
        _shared: _Shared | None = None,
        _guess: int = FIRST_WINDOW,
    ) -> None:
        super().__init__()
        self._rows = rows
        self._widths = list(widths)
        self._header = header_rows
        self._shared = _Shared.of(rows, commands) if _shared is None else _shared
        self._start = header_rows if _start is None else _start
        self._guess = _guess
        self._cached: tuple[float, float, LongTable, int, tuple[float, float]] | None = None
        self.hAlign = "CENTER"

    def _table(self, end: int) -> LongTable:
        """The header and rows start..end-1 as one LongTable, with the commands moved along."""
        start, header = self._start, self._header
        style: list[Command] = []
        for op, (sc, sr), (ec, er), *rest in self._shared.placed:
            if start == header:  # the table's own beginning: rows keep their numbers
                if sr < end:
                    style.append((op, (sc, sr), (ec, min(er, end - 1)), *rest))
                continue
            if sr < header:
                style.append((op, (sc, sr), (ec, min(er, header - 1)), *rest))
            low, high = max(sr, start), min(er, end - 1)
            if low <= high:
                style.append((op, (sc, low - start + header), (ec, high - start + header), *rest))
        cells = self._shared.cell_styles
        table = _Window(
            self._rows[:header] + self._rows[start:end],
            colWidths=self._widths,
            repeatRows=header,
            splitByRow=1,
            cellStyles=cells[:header] + cells[start:end],
        )
        table.setStyle(style)
        return table

    def _window(self, width: float, height: float) -> tuple[LongTable, int, tuple[float, float]]:
        """The smallest window (by doubling) that is either the whole rest or taller than
        ``height``, its end and its size wrapped at ``width`` x ``height``."""
        cached = self._cached
        if cached is not None and cached[:2] == (width, height):
            return cached[2:]
        rows = len(self._rows)
        count = self._guess + self._guess // 8 + 4
        while True:
            end = self._shared.free[min(self._start + count, rows)]
            table = self._table(end)
            size = table.wrap(width, height)
            if end == rows or size[1] > height:
                break
            count *= 2
        self._cached = (width, height, table, end, size)
        return table, end, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._window(availWidth, availHeight)[2]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table, end, _size = self._window(availWidth, availHeight)
        parts: list[Flowable] = table.split(availWidth, availHeight)
        if end == len(self._rows) or len(parts) != 2:
            return parts  # the rest of the table, split (or not) by reportlab itself
        first = parts[0]
        used = first._nrows - self._header  # data rows on this page
        rest = PagedTable(
            self._rows,
            self._widths,
            header_rows=self._header,
            commands=(),
            _start=self._start + used,
            _shared=self._shared,
            _guess=max(used, 1),
        )
        return [first, rest]

    def draw(self) -> None:
        """Only reached when the whole rest fits: draw the window wrap() measured."""
        assert self._cached is not None
        self._cached[2]._drawOn(self.canv)  # already placed: no second save/translate
