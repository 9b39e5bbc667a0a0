"""The tables a reader gives the mapping: column names and rows of plain values, whatever the source."""

from collections.abc import Mapping
from dataclasses import dataclass

Value = str | int | float | bytes | None


@dataclass(frozen=True)
class RawTable:
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Value], ...]


Tables = Mapping[str, RawTable]
