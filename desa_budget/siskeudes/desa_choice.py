"""Which desa of a Siskeudes file to take when it holds several (a kecamatan operator's database)."""

from dataclasses import dataclass

from desa_budget.siskeudes.data import SiskeudesData


@dataclass(frozen=True)
class DesaOption:
    kd_desa: str  # Siskeudes' own code, "05.03." (kecamatan.desa)
    nama_desa: str  # "" when Ref_Desa does not name it
    kecamatan: str


def desa_options(data: SiskeudesData, year: int) -> tuple[DesaOption, ...]:
    """Every desa the file holds a Ta_Desa row or RAB lines for in ``year``, by code."""
    y = str(year)
    named = {d.kd_desa: d for d in data.desa if d.tahun == y}
    codes = set(named) | {r.kd_desa for r in data.lines if r.tahun == y}
    return tuple(
        DesaOption(code, named[code].nama_desa if code in named else "",
                   named[code].kecamatan if code in named else "")
        for code in sorted(codes)
    )  # fmt: skip


def _numbers(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split(".") if part.isdigit())


def matches_kode(option: DesaOption, kode_desa: str) -> bool:
    """Siskeudes' "12.05." against Kemendagri's "33.02.12.2005": the same kecamatan number and
    the desa's number (the last three digits; the first digit says desa or kelurahan)."""
    ours, theirs = _numbers(kode_desa), _numbers(option.kd_desa)
    if len(ours) != 4 or len(theirs) != 2:
        return False
    return (ours[2], ours[3] % 1000) == theirs


def default_desa(
    options: tuple[DesaOption, ...], *, kode_desa: str = "", nama_desa: str = ""
) -> str:
    """The option that is this village: by kode desa, else by name; else the first one."""
    if not options:
        return ""
    by_code = [o for o in options if kode_desa and matches_kode(o, kode_desa)]
    name = " ".join(nama_desa.split()).casefold()
    by_name = [o for o in options if name and " ".join(o.nama_desa.split()).casefold() == name]
    for found in (by_code, by_name):
        if len(found) == 1:
            return found[0].kd_desa
    return options[0].kd_desa
