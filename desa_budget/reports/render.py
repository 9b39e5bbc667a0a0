"""The four documents in one PDF: which regulation each annexes, default orientation, and writing
the file safely (temporary file, then os.replace)."""

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.reports.blocks import LampiranRef
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
IURAN = "BESARAN IURAN JAMINAN SOSIAL KETENAGAKERJAAN"
APBDES = "ANGGARAN PENDAPATAN DAN BELANJA DESA"


def lampiran_ref(doc: str, data: AnnexData) -> LampiranRef:
    """The daftar nominatif and the RAB annex the Perkades on iuran (I and II); the penjabaran and
    the ringkasan annex the Perdes APBDes (I and II)."""
    perubahan = "PERUBAHAN " if data.jenis == "perubahan" else ""
    iuran = f"{perubahan}{IURAN} TAHUN ANGGARAN {data.year}"
    apbdes = f"{perubahan}{APBDES} TAHUN ANGGARAN {data.year}"
    return {
        "lampiran": LampiranRef("I", True, iuran),
        "rab": LampiranRef("II", True, iuran),
        "penjabaran": LampiranRef("I", False, apbdes),
        "ringkasan": LampiranRef("II", False, apbdes),
    }[doc]


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


def _story(doc: str, data: AnnexData, layout: Layout, full_nik: bool) -> list[Flowable]:
    ref = lampiran_ref(doc, data)
    builders: dict[str, Callable[[], list[Flowable]]] = {
        "lampiran": lambda: lampiran_story(data, layout, ref, full_nik=full_nik),
        "penjabaran": lambda: penjabaran_story(data, layout, ref),
        "rab": lambda: rab_story(data, layout, ref),
        "ringkasan": lambda: ringkasan_story(data, layout, ref),
    }
    return builders[doc]()


def render_documents(
    data: AnnexData,
    *,
    docs: Sequence[str],
    paper: str = "A4",
    landscape: bool | None = None,
    full_nik: bool = False,
) -> bytes:
    """The chosen documents, in the fixed order, as one PDF. ``landscape`` None: the daftar
    nominatif landscape, the others portrait. The same data gives the same bytes."""
    if paper not in PAPERS:
        raise UserError(
            _("Ukuran kertas '{paper}' tidak dikenal; pilih A4 atau F4.").format(paper=paper)
        )
    state = "" if data.adopted else " (rancangan)"
    versi = "APBDes Perubahan" if data.jenis == "perubahan" else "APBDes Murni"
    desa = " ".join(data.profile.nama_desa.split())
    sections = []
    for doc in expand_docs(docs):
        layout = Layout(paper, DEFAULT_LANDSCAPE[doc] if landscape is None else landscape)
        footer = f"Desa {desa} · {TITLES[doc]} · TA {data.year} · {versi}{state}"
        sections.append(Section(doc, footer, layout, _story(doc, data, layout, full_nik)))
    return build_pdf(
        sections,
        title=f"Lampiran iuran BPJS Ketenagakerjaan Desa {desa} TA {data.year}",
        author=f"Pemerintah Desa {desa}",
        subject=f"{versi}{state} {data.year}",
    )


def write_pdf(
    path: Path | str,
    data: AnnexData,
    *,
    docs: Sequence[str],
    paper: str = "A4",
    landscape: bool | None = None,
    full_nik: bool = False,
) -> Path:
    """Render, then write through a temporary file in the same folder and ``os.replace``: a
    failed render or write never leaves a half-written PDF at ``path``."""
    target = Path(path)
    content = render_documents(data, docs=docs, paper=paper, landscape=landscape, full_nik=full_nik)
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
