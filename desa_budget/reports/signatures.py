"""Signature blocks: place and date, the official's title (Pj., Plt., a.n. from the roster's
posts), space to sign, the name in capitals with its academic titles as written."""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desa_budget.budget.signers import Signer
from desa_budget.reports.blocks import DOTS, date_text, desa_upper, para
from desa_budget.reports.data import AnnexData
from desa_budget.village.names import official_name

PREFIX = {"pj": "Pj. ", "plt": "Plt. "}


def kepala_heading(data: AnnexData) -> list[str]:
    """ "KEPALA DESA X", "Pj. KEPALA DESA X", or "a.n. KEPALA DESA X" over the signer's post."""
    signer = data.who_signs.kepala
    desa = desa_upper(data)
    if signer.status == "an":
        return [f"a.n. KEPALA DESA {desa}", signer.jabatan or "SEKRETARIS DESA"]
    return [f"{PREFIX.get(signer.status, '')}KEPALA DESA {desa}"]


def sekretaris_heading(data: AnnexData) -> list[str]:
    return [f"{PREFIX.get(data.who_signs.sekretaris.status, '')}SEKRETARIS DESA"]


def name_line(name: str) -> str:
    return official_name(name) or DOTS


def place_date(data: AnnexData, doc: str) -> str:
    desa = " ".join(data.profile.nama_desa.split())
    return f"{desa}, {date_text(data.doc_date(doc), data.adopted)}"


def _signature_cells(heading: Sequence[str], name: str, size: float) -> list[list[Flowable]]:
    rows: list[list[Flowable]] = [[para(h, "center", size)] for h in heading]
    rows.append([Spacer(1, 17 * mm)])
    rows.append([para(name_line(name), "center-bold", size)])
    return rows


def signature_table(data: AnnexData, doc: str, width: float) -> Table:
    """Place and date, the kepala desa's title, space to sign and stamp, the name in bold capitals,
    at the right of a block ``width`` wide."""
    size = 9.0
    block = min(80 * mm, width)
    signer: Signer = data.who_signs.kepala
    rows = _signature_cells([place_date(data, doc), *kepala_heading(data)], signer.nama, size)
    rows = [[Spacer(1, 1), *row] for row in rows]
    table = Table(rows, colWidths=[width - block, block])
    table.setStyle(_plain_style())
    return table


def rab_signatures(data: AnnexData, kegiatan: str, width: float) -> Flowable:
    """Approved by the kepala desa, verified by the sekretaris, prepared by the pelaksana; the
    place and date on a line of its own, so a long village name never wraps into a column."""
    size = 8.5
    signers = data.who_signs
    pelaksana = data.pelaksana_for(kegiatan)
    headings = [
        ["Disetujui/Mengesahkan,", *kepala_heading(data)],
        ["Telah diverifikasi oleh,", *sekretaris_heading(data)],
        ["Dibuat oleh,", "PELAKSANA KEGIATAN", *([pelaksana.jabatan.upper()] if pelaksana.jabatan else [])],
    ]  # fmt: skip
    depth = max(len(h) for h in headings)
    columns = [
        _signature_cells(h + [""] * (depth - len(h)), name, size)
        for h, name in zip(
            headings, (signers.kepala.nama, signers.sekretaris.nama, pelaksana.nama), strict=True
        )
    ]
    rows: list[list[object]] = [[para(place_date(data, "rab"), "right", size), "", ""]]
    rows += [[col[i][0] for col in columns] for i in range(len(columns[0]))]
    table = Table(rows, colWidths=[width / 3] * 3)
    style = _plain_style()
    style.add("SPAN", (0, 0), (-1, 0))
    style.add("BOTTOMPADDING", (0, 0), (-1, 0), 3)
    table.setStyle(style)
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
