"""Who signs a document: the kepala desa and sekretaris desa in post on the document's date,
read from the roster's posts (Pj. and Plt. included), the profile only as a fallback."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desa_budget.format import tanggal_indonesia
from desa_budget.i18n import N_
from desa_budget.store.models import Person, Post
from desa_budget.village.names import name_key
from desa_budget.village.profile import ProfileData

ACTING = {"pj": 0, "plt": 1, "definitif": 2}  # who signs when two posts overlap: the acting one


@dataclass(frozen=True)
class Signer:
    """One signature: ``status`` definitif / pj / plt, or "an" (signs for an absent kepala desa,
    ``jabatan`` then names the signer's own post)."""

    nama: str
    status: str = "definitif"
    jabatan: str = ""


@dataclass(frozen=True)
class Signers:
    kepala: Signer
    sekretaris: Signer
    warnings: tuple[str, ...] = ()  # marked (N_): printed in the ringkasan, shown with _()


def signers_from_profile(profile: ProfileData) -> Signers:
    """The profile's names alone (hand-made data, or no roster to read)."""
    return Signers(
        Signer(profile.kepala_desa_nama, profile.kepala_desa_status or "definitif"),
        Signer(profile.sekretaris_desa_nama),
    )


def _same(a: str, b: str) -> bool:
    return bool(name_key(a)) and name_key(a) == name_key(b)


def _in_post(session: Session, kategori: str, on: date) -> Signer | None:
    rows = session.execute(
        select(Person.nama, Post.status, Post.mulai)
        .join(Post, Post.person_id == Person.id)
        .where(
            Post.kategori == kategori,
            or_(Post.mulai.is_(None), Post.mulai <= on),
            or_(Post.akhir.is_(None), Post.akhir >= on),
        )
    ).all()
    if not rows:
        return None
    nama, status, _mulai = min(
        rows, key=lambda r: (ACTING.get(r[1], 3), -(r[2] or date.min).toordinal(), r[0])
    )
    return Signer(nama, status if status in ACTING else "definitif")


def officials_on(session: Session, on: date) -> list[tuple[str, str]]:
    """(nama, jabatan) of the apparatus and staff in post on ``on``: who may be a pelaksana."""
    rows = session.execute(
        select(Person.nama, Post.jabatan)
        .join(Post, Post.person_id == Person.id)
        .where(
            Post.kategori.in_(("sekretaris_desa", "perangkat_desa", "staf_desa")),
            or_(Post.mulai.is_(None), Post.mulai <= on),
            or_(Post.akhir.is_(None), Post.akhir >= on),
        )
        .order_by(Post.jabatan, Person.nama)
    ).all()
    return [(nama, jabatan) for nama, jabatan in rows]


def signers_on(session: Session, profile: ProfileData, on: date) -> Signers:
    """The kepala desa and sekretaris desa in post on ``on``; warnings where the profile
    disagrees, or where the roster has nobody and the profile's name is used."""
    when = tanggal_indonesia(on)
    warnings: list[str] = []
    kepala = _in_post(session, "kepala_desa", on)
    sekretaris = _in_post(session, "sekretaris_desa", on)
    if sekretaris is None:
        sekretaris = Signer(profile.sekretaris_desa_nama)
    elif _same(profile.sekretaris_desa_nama, sekretaris.nama):
        # The same person: the profile's spelling may carry academic titles the roster lacks.
        sekretaris = Signer(profile.sekretaris_desa_nama, sekretaris.status)
    elif profile.sekretaris_desa_nama:
        warnings.append(
            N_(
                "Profil desa mencatat {profil} sebagai sekretaris desa, tetapi menurut daftar "
                "peserta yang menjabat pada {tanggal} adalah {nama}; dokumen memakai {nama}."
            ).format(profil=profile.sekretaris_desa_nama, tanggal=when, nama=sekretaris.nama)
        )
    if kepala is None:
        if profile.kepala_desa_nama.strip():
            kepala = Signer(profile.kepala_desa_nama, profile.kepala_desa_status or "definitif")
            warnings.append(
                N_(
                    "Daftar peserta tidak memuat kepala desa yang menjabat pada {tanggal}; "
                    "penanda tangan diambil dari profil desa ({nama})."
                ).format(tanggal=when, nama=profile.kepala_desa_nama)
            )
        else:
            kepala = Signer(sekretaris.nama, "an", "SEKRETARIS DESA")
            warnings.append(
                N_(
                    "Tidak ada kepala desa yang menjabat pada {tanggal}, di daftar peserta "
                    "maupun di profil desa; sekretaris desa menandatangani atas nama (a.n.) "
                    "kepala desa."
                ).format(tanggal=when)
            )
    elif profile.kepala_desa_nama and (
        not _same(profile.kepala_desa_nama, kepala.nama)
        or (profile.kepala_desa_status or "definitif") != kepala.status
    ):  # (the same person and status: the profile's spelling, titles included, is used below)
        warnings.append(
            N_(
                "Profil desa mencatat {profil} sebagai kepala desa, tetapi menurut daftar "
                "peserta yang menjabat pada {tanggal} adalah {nama}{status}; dokumen "
                "ditandatangani {nama}."
            ).format(
                profil=profile.kepala_desa_nama, tanggal=when, nama=kepala.nama,
                status={"pj": " (Pj.)", "plt": " (Plt.)"}.get(kepala.status, ""),
            )
        )  # fmt: skip
    elif _same(profile.kepala_desa_nama, kepala.nama):
        kepala = Signer(profile.kepala_desa_nama, kepala.status)
    return Signers(kepala, sekretaris, tuple(warnings))
