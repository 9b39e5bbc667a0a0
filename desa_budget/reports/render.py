"""The four documents in one PDF: default orientation, each document's footer, and writing the
file safely (temporary file, then os.replace). Which regulation each annexes is data
(budget.regulations), read into AnnexData."""

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from desa_budget.budget.codes.notation import NOTATIONS
from desa_budget.collector import collector_paused
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.reports.data import AnnexData
from desa_budget.reports.lampiran import lampiran_story
from desa_budget.reports.page import PAPERS, Layout, Section, build_pdf
from desa_budget.reports.penjabaran import penjabaran_story
from desa_budget.reports.rab import rab_story
from desa_budget.reports.ringkasan import ringkasan_story

DOCS: tuple[str, ...] = ("lampiran", "penjabaran", "rab", "ringkasan")
TITLES = {
    "lampiran": "Daftar Nominatif Iuran BPJS Ketenagakerjaan",
    "penjabaran": "Penjabaran APBDes: Belanja Jaminan Sosial Ketenagakerjaan",
    "rab": "Rencana Anggaran Biaya (RAB) Iuran BPJS Ketenagakerjaan",
    "ringkasan": "Ringkasan Iuran BPJS Ketenagakerjaan",
}
DEFAULT_LANDSCAPE = {"lampiran": True, "penjabaran": False, "rab": False, "ringkasan": False}


def default_landscape(doc: str, data: AnnexData) -> bool:
    """The daftar nominatif, and a perubahan's RAB (Semula beside Menjadi), are landscape."""
    return DEFAULT_LANDSCAPE[doc] or (doc == "rab" and data.semula is not None)


def expand_docs(docs: Sequence[str]) -> list[str]:
    """The documents asked for in the fixed order; "all" means the four."""
    wanted = set(DOCS) if "all" in docs else set(docs)
    unknown = sorted(wanted - set(DOCS))
    if unknown:
        raise UserError(
            _("Dokumen tidak dikenal: {unknown}; pilih {docs} atau all.").format(
                unknown=", ".join(unknown), docs=", ".join(DOCS)
            )
        )
    if not wanted:
        raise UserError(_("Pilih paling sedikit satu dokumen untuk dicetak."))
    return [d for d in DOCS if d in wanted]


def _story(
    doc: str, data: AnnexData, layout: Layout, full_nik: bool, notation: str
) -> list[Flowable]:
    builders: dict[str, Callable[[], list[Flowable]]] = {
        "lampiran": lambda: lampiran_story(data, layout, full_nik=full_nik),
        "penjabaran": lambda: penjabaran_story(data, layout, notation=notation),
        "rab": lambda: rab_story(data, layout, notation=notation),
        "ringkasan": lambda: ringkasan_story(data, layout),
    }
    return builders[doc]()


def render_documents(
    data: AnnexData,
    *,
    docs: Sequence[str],
    paper: str = "A4",
    landscape: bool | None = None,
    full_nik: bool = False,
    notation: str = "app",
) -> bytes:
    """The chosen documents, in the fixed order, as one PDF dated with the document's date.
    ``landscape`` None: each document's usual orientation. ``notation`` "siskeudes" prints
    codes as Siskeudes does (01.01.03., 5.1.3.04.). The same data gives the same bytes."""
    if paper not in PAPERS:
        raise UserError(
            _("Ukuran kertas '{paper}' tidak dikenal; pilih A4 atau F4.").format(paper=paper)
        )
    if notation not in NOTATIONS:
        raise UserError(
            _("Penulisan kode '{notation}' tidak dikenal; pilih app atau siskeudes.").format(
                notation=notation
            )
        )
    state = "" if data.adopted else " (rancangan)"
    versi = "APBDes Perubahan" if data.jenis == "perubahan" else "APBDes Murni"
    desa = " ".join(data.profile.nama_desa.split())
    sections = []
    with collector_paused():  # the stories' and the layout's objects all live to the end
        for doc in expand_docs(docs):
            layout = Layout(paper, default_landscape(doc, data) if landscape is None else landscape)
            footer = f"Desa {desa} · {TITLES[doc]} · TA {data.year} · {versi}{state}"
            story = _story(doc, data, layout, full_nik, notation)
            sections.append(Section(doc, footer, layout, story))
        return build_pdf(
            sections,
            title=f"Lampiran iuran BPJS Ketenagakerjaan Desa {desa} TA {data.year}",
            author=f"Pemerintah Desa {desa}",
            subject=f"{versi}{state} {data.year}",
            document_date=data.tanggal,
        )


def write_pdf(
    path: Path | str,
    data: AnnexData,
    *,
    docs: Sequence[str],
    paper: str = "A4",
    landscape: bool | None = None,
    full_nik: bool = False,
    notation: str = "app",
) -> Path:
    """Render, then write through a temporary file in the same folder and ``os.replace``: a
    failed render or write never leaves a half-written PDF at ``path``."""
    target = Path(path)
    content = render_documents(
        data, docs=docs, paper=paper, landscape=landscape, full_nik=full_nik, notation=notation
    )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            _("Folder {folder} tidak ada; pilih folder lain untuk menyimpan PDF.").format(
                folder=folder
            )
        )
    handle, temp_name = tempfile.mkstemp(prefix=".annex-", suffix=".pdf.tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except PermissionError as exc:
        raise UserError(
            _(
                "Berkas {path} tidak dapat ditulis (mungkin sedang dibuka di program lain): {error}"
            ).format(path=target, error=exc)
        ) from exc
    except OSError as exc:
        raise UserError(
            _("Berkas {path} tidak dapat ditulis: {error}").format(path=target, error=exc)
        ) from exc
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target
