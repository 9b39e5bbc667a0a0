"""The projection's assumptions: what the user sees and can change, checked, stored per base year."""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.money import round_ratio
from desa_budget.store import audit
from desa_budget.store.models import ProjectionAssumptions
from desa_budget.store.versioning import ABSENT, check_version, version_of
from desa_budget.village import categories

DEFAULT_YEARS = 6  # an RPJMDes
MAX_YEARS = 20
ENTITAS = "proyeksi"


@dataclass(frozen=True)
class ProjectionParams:
    """Everything a projection assumes beyond the rules and the roster. Percentages are per year;
    a target is a number of covered persons of a category in a year."""

    tahun_dasar: int
    jumlah_tahun: int = DEFAULT_YEARS
    kenaikan_batas_jp: Decimal | None = None  # None: the average of the published increases
    kenaikan_upah: Mapping[str, Decimal] = field(default_factory=dict)  # category -> %, absent: 0
    kenaikan_belanja: Decimal | None = None  # total belanja; None: no 30 % ratio unless entered
    isi_kembali: bool = True  # a post whose term ends is refilled on the same basis
    tidak_diisi: tuple[int, ...] = ()  # person ids whose post is not refilled all the same
    target: Mapping[str, Mapping[int, int]] = field(
        default_factory=dict
    )  # category -> year -> persons

    @property
    def years(self) -> range:
        return range(self.tahun_dasar, self.tahun_dasar + self.jumlah_tahun)

    def wage_growth(self, kategori: str) -> Decimal:
        return self.kenaikan_upah.get(kategori, Decimal(0))


def parse_percent(text: str, what: str) -> Decimal:
    """ "4,5" or "4.5" as Decimal("4.5"); a UserError naming ``what`` otherwise."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not Decimal(-50) <= value <= Decimal(100):
        raise UserError(
            _("{what} '{text}' tidak sah; tulis persen per tahun antara -50 dan 100.").format(
                what=what, text=text
            )
        )
    return value


def validate(params: ProjectionParams) -> ProjectionParams:
    """``params`` when they can be projected; a UserError (one sentence) otherwise."""
    if not 1 <= params.jumlah_tahun <= MAX_YEARS:
        raise UserError(_("Jumlah tahun proyeksi harus 1 sampai {most}.").format(most=MAX_YEARS))
    unknown = sorted((set(params.kenaikan_upah) | set(params.target)) - set(categories.KEYS))
    if unknown:
        raise UserError(_("Kategori tidak dikenal: {unknown}.").format(unknown=", ".join(unknown)))
    for what, value in (
        (_("Kenaikan batas upah JP"), params.kenaikan_batas_jp),
        (_("Kenaikan total belanja"), params.kenaikan_belanja),
        *((categories.label(k), v) for k, v in params.kenaikan_upah.items()),
    ):
        if value is not None:
            parse_percent(str(value), what)
    for key, targets in params.target.items():
        for year, count in targets.items():
            if year <= params.tahun_dasar or count < 0:
                raise UserError(
                    _(
                        "Target {kategori} {year}: tahun harus sesudah tahun dasar {base} dan "
                        "jumlah orang tidak negatif."
                    ).format(kategori=categories.label(key), year=year, base=params.tahun_dasar)
                )
    return params


def target_count(params: ProjectionParams, kategori: str, year: int, base_count: int) -> int | None:
    """The persons ``kategori`` should cover in ``year``: evenly from the base year's count to
    each target year's, then held; None without a target for the category (or the base year)."""
    targets = params.target.get(kategori)
    if not targets or year <= params.tahun_dasar:
        return None
    before_year, before = params.tahun_dasar, base_count
    for at in sorted(targets):
        if at >= year:
            step = (targets[at] - before) * (year - before_year)
            return before + round_ratio(step, at - before_year)
        before_year, before = at, targets[at]
    return before


def to_json(params: ProjectionParams) -> str:
    return json.dumps(
        {
            "jumlah_tahun": params.jumlah_tahun,
            "kenaikan_batas_jp": _text(params.kenaikan_batas_jp),
            "kenaikan_upah": {k: str(v) for k, v in params.kenaikan_upah.items()},
            "kenaikan_belanja": _text(params.kenaikan_belanja),
            "isi_kembali": params.isi_kembali,
            "tidak_diisi": list(params.tidak_diisi),
            "target": {k: {str(y): n for y, n in v.items()} for k, v in params.target.items()},
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def from_json(tahun_dasar: int, text: str) -> ProjectionParams:
    data = json.loads(text)
    return ProjectionParams(
        tahun_dasar=tahun_dasar,
        jumlah_tahun=int(data.get("jumlah_tahun", DEFAULT_YEARS)),
        kenaikan_batas_jp=_decimal(data.get("kenaikan_batas_jp")),
        kenaikan_upah=MappingProxyType(
            {k: Decimal(v) for k, v in data.get("kenaikan_upah", {}).items()}
        ),
        kenaikan_belanja=_decimal(data.get("kenaikan_belanja")),
        isi_kembali=bool(data.get("isi_kembali", True)),
        tidak_diisi=tuple(int(i) for i in data.get("tidak_diisi", ())),
        target=MappingProxyType(
            {
                k: MappingProxyType({int(y): int(n) for y, n in v.items()})
                for k, v in data.get("target", {}).items()
            }
        ),
    )


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class StoredParams:
    params: ProjectionParams  # the defaults when nothing is stored
    version: int  # ABSENT: nothing stored for the base year


def read_params(session: Session, tahun_dasar: int) -> StoredParams:
    row = session.get(ProjectionAssumptions, tahun_dasar)
    if row is None:
        return StoredParams(ProjectionParams(tahun_dasar), ABSENT)
    return StoredParams(from_json(tahun_dasar, row.asumsi_json), row.version_id)


def save_params(
    session: Session, params: ProjectionParams, *, operator: str, version: int | None = None
) -> int:
    """Store the assumptions of ``params.tahun_dasar``; the row's new version."""
    validate(params)
    row = session.get(ProjectionAssumptions, params.tahun_dasar)
    check_version(row, version)
    old = row.asumsi_json if row is not None else None
    if row is None:
        row = ProjectionAssumptions(tahun_dasar=params.tahun_dasar)
        session.add(row)
    row.asumsi_json = to_json(params)
    session.flush()
    _audit(session, params.tahun_dasar, old, row.asumsi_json, operator)
    return row.version_id


def clear_params(
    session: Session, tahun_dasar: int, *, operator: str, version: int | None = None
) -> int:
    """Back to the defaults (the undo of a first save); ABSENT."""
    row = session.get(ProjectionAssumptions, tahun_dasar)
    check_version(row, version)
    if row is not None:
        _audit(session, tahun_dasar, row.asumsi_json, None, operator)
        session.delete(row)
        session.flush()
    return version_of(None)


def _audit(session: Session, year: int, old: str | None, new: str | None, operator: str) -> None:
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=year,
        label=f"Proyeksi dari {year}", changes={"asumsi": (old, new)},
        keterangan="asumsi proyeksi diubah",
    )  # fmt: skip
