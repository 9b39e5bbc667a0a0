"""Signature blocks: place and date, the official's title, space to sign, the name in capitals."""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desa_budget.reports.blocks import DOTS, desa_upper, para, tanggal_text
from desa_budget.reports.data import AnnexData, Regulation


def kepala_title(data: AnnexData) -> str:
    prefix = {"pj": "Pj. ", "plt": "Plt. "}.get(data.profile.kepala_desa_status, "")
    return f"{prefix}KEPALA DESA {desa_upper(data)}"


def name_line(name: str) -> str:
    cleaned = " ".join(name.split()).upper()
    return cleaned if cleaned else DOTS


def place_date(data: AnnexData, reg: Regulation) -> str:
    return f"{' '.join(data.profile.nama_desa.split())}, {tanggal_text(reg, data.adopted)}"


def _signature_cells(heading: Sequence[str], name: str, size: float) -> list[list[Flowable]]:
    rows: list[list[Flowable]] = [[para(h, "center", size)] for h in heading]
    rows.append([Spacer(1, 17 * mm)])
    rows.append([para(name_line(name), "center-bold", size)])
    return rows


def signature_table(data: AnnexData, reg: Regulation, width: float) -> Table:
    """Place and date, the kepala desa's title, space to sign and stamp, the name in bold capitals,
    at the right of a block ``width`` wide."""
    size = 9.0
    block = min(80 * mm, width)
    rows = _signature_cells(
        [place_date(data, reg), kepala_title(data)], data.profile.kepala_desa_nama, size
    )
    rows = [[Spacer(1, 1), *row] for row in rows]
    table = Table(rows, colWidths=[width - block, block])
    table.setStyle(_plain_style())
    return table


def rab_signatures(data: AnnexData, reg: Regulation, width: float) -> Flowable:
    """Approved by the kepala desa, verified by the sekretaris, prepared by the pelaksana."""
    size = 8.5
    p = data.profile
    columns = [
        _signature_cells(["", "Disetujui/Mengesahkan,", kepala_title(data)], p.kepala_desa_nama, size),
        _signature_cells(["", "Telah diverifikasi oleh,", "SEKRETARIS DESA"], p.sekretaris_desa_nama, size),
        _signature_cells([place_date(data, reg), "Dibuat oleh,", "PELAKSANA KEGIATAN"],
                         p.pelaksana_kegiatan_nama, size),
    ]  # fmt: skip
    rows = [[col[i][0] for col in columns] for i in range(len(columns[0]))]
    table = Table(rows, colWidths=[width / 3] * 3)
    table.setStyle(_plain_style())
    return table


def _plain_style() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]
    )
