"""Siskeudes tables to DTOs, by the table and column names of resources/siskeudes/mapping.json.

A schema change is a data edit there. What the mapping expects and a file lacks is read as empty
and listed in ``unmatched``, so an unknown version gives what matches and says what did not.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from desa_budget.paths import resources_dir
from desa_budget.siskeudes import values as v
from desa_budget.siskeudes.data import (
    Desa,
    Pemda,
    Perangkat,
    Perdes,
    RabLine,
    SiskeudesData,
)
from desa_budget.siskeudes.tables import Tables, Value

Row = Mapping[str, Value]


@dataclass(frozen=True)
class Jabatan:
    nama: str
    kategori: str


@dataclass(frozen=True)
class Mapping_:
    tables: Mapping[str, tuple[str, Mapping[str, str]]]  # key -> (table, field -> column)
    version_table: str
    version_column: str
    chart_2018_from_major: int
    jabatan: Mapping[str, Jabatan]

    def table_names(self) -> set[str]:
        return {t for t, _cols in self.tables.values()} | {self.version_table}


@cache
def load_mapping() -> Mapping_:
    raw: dict[str, Any] = json.loads(
        (resources_dir() / "siskeudes" / "mapping.json").read_text(encoding="utf-8")
    )
    return Mapping_(
        tables={k: (t["table"], dict(t["columns"])) for k, t in raw["tables"].items()},
        version_table=raw["version"]["table"],
        version_column=raw["version"]["column"],
        chart_2018_from_major=int(raw["chart_2018_from_major"]),
        jabatan={k: Jabatan(j["nama"], j["kategori"]) for k, j in raw["jabatan"].items()},
    )


def is_chart_2018(version: str, from_major: int) -> bool:
    """ "V2.0 R..." -> True; "V1.2 R1.0.0." -> False; an unreadable version is taken as new."""
    found = re.search(r"(\d+)\.(\d+)", version)
    return found is None or int(found.group(1)) >= from_major


def _rows(
    tables: Tables, key: str, mapping: Mapping_, missing: list[str]
) -> list[dict[str, Value]]:
    """The rows of the mapped table with fields renamed; absent columns read as None."""
    name, columns = mapping.tables[key]
    table = tables.get(name)
    if table is None:
        missing.append(name)
        return []
    have = {c.casefold(): c for c in table.columns}
    lacking = [c for c in columns.values() if c.casefold() not in have]
    missing.extend(f"{name}.{c}" for c in lacking)
    return [
        {field: row.get(have.get(col.casefold(), col)) for field, col in columns.items()}
        for row in table.rows
    ]


def _desa(row: Row, names: Mapping[str, str], kecamatan: Mapping[str, str]) -> Desa:
    kd = v.text(row["kd_desa"])
    perdes = tuple(
        Perdes(jenis, v.text(row[f"no_{col}"]), v.day(row[f"tgl_{col}"]))
        for jenis, col in (("apbdes", "perdes"), ("perubahan", "perdes_pb"),
                           ("pertanggungjawaban", "perdes_pj"))
        if v.text(row[f"no_{col}"]) or v.day(row[f"tgl_{col}"])
    )  # fmt: skip
    return Desa(
        tahun=v.text(row["tahun"]), kd_desa=kd, nama_desa=names.get(kd, ""),
        kecamatan=kecamatan.get(kd.split(".")[0], ""), kepala_desa=v.text(row["kepala_desa"]),
        sekretaris_desa=v.text(row["sekretaris_desa"]), alamat=v.text(row["alamat"]),
        perdes=perdes,
    )  # fmt: skip


def _perangkat(row: Row, jabatan: Mapping[str, Jabatan]) -> Perangkat:
    code = v.text(row["kd_jabatan"]).zfill(2)
    known = jabatan.get(code)
    return Perangkat(
        tahun=v.text(row["tahun"]), kd_desa=v.text(row["kd_desa"]), kd_jabatan=code,
        jabatan=known.nama if known else code, kategori=known.kategori if known else None,
        nama=v.text(row["nama"]), alamat=v.text(row["alamat"]), no_hp=v.text(row["no_hp"]),
    )  # fmt: skip


def _line(row: Row) -> RabLine:
    kd_desa, kd_keg = v.text(row["kd_desa"]), v.text(row["kd_keg"])
    # Siskeudes writes Kd_Keg as Kd_Desa + ID_Keg: "14.01." + "01.01.03." = "14.01.01.01.03."
    kegiatan = kd_keg[len(kd_desa) :] if kd_desa and kd_keg.startswith(kd_desa) else kd_keg
    return RabLine(
        tahun=v.text(row["tahun"]), kd_desa=kd_desa, kegiatan=kegiatan,
        rekening=v.text(row["rekening"]), sumber_dana=v.text(row["sumber_dana"]).upper(),
        uraian=v.text(row["uraian"]), satuan=v.text(row["satuan"]),
        volume=v.volume(row["volume"]), harga_satuan=v.rupiah(row["harga_satuan"]) or 0,
        anggaran=v.rupiah(row["anggaran"]) or 0, volume_pak=v.volume(row["volume_pak"]),
        harga_satuan_pak=v.rupiah(row["harga_satuan_pak"]),
        anggaran_pak=v.rupiah(row["anggaran_pak"]),
    )  # fmt: skip


def map_tables(tables: Tables, *, source: str = "") -> SiskeudesData:
    """Every mapped table as DTOs, and what the mapping looked for and did not find."""
    m = load_mapping()
    missing: list[str] = []
    version = ""
    version_table = tables.get(m.version_table)
    if version_table is None or not version_table.rows:
        missing.append(m.version_table)
    else:
        version = v.text(version_table.rows[-1].get(m.version_column))
    names = {
        v.text(r["kd_desa"]): v.text(r["nama"]) for r in _rows(tables, "nama_desa", m, missing)
    }
    kecamatan = {v.text(r["kd_kec"]).rstrip("."): v.text(r["nama"])
                 for r in _rows(tables, "kecamatan", m, missing)}  # fmt: skip
    pemda = tuple(
        Pemda(
            tahun=v.text(r["tahun"]),
            kode_provinsi=v.text(r["kode_provinsi"]),
            kode_kabupaten=v.text(r["kode_kabupaten"]),
            nama_pemda=v.text(r["nama_pemda"]),
            nama_provinsi=v.text(r["nama_provinsi"]),
            ibukota=v.text(r["ibukota"]),
            logo=v.binary(r["logo"]),
        )  # fmt: skip
        for r in _rows(tables, "pemda", m, missing)
    )
    desa = tuple(_desa(r, names, kecamatan) for r in _rows(tables, "desa", m, missing))
    perangkat = tuple(_perangkat(r, m.jabatan) for r in _rows(tables, "perangkat", m, missing))
    kegiatan = _rows(tables, "kegiatan", m, missing)
    lines = tuple(_line(r) for r in _rows(tables, "rab_rinci", m, missing))
    return SiskeudesData(
        version=version,
        chart_2018=is_chart_2018(version, m.chart_2018_from_major) if version else True,
        pemda=pemda,
        desa=desa,
        perangkat=perangkat,
        lines=lines,
        kegiatan_names=tuple(sorted({(v.text(r["id_keg"]), v.text(r["nama"])) for r in kegiatan})),
        unmatched=tuple(dict.fromkeys(missing)),
        source=source,
    )
