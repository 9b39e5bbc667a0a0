"""Kabupaten profiles: the default category → kegiatan / rekening / sumber dana mapping and local rules.

A profile is one JSON file in resources/codes/kabupaten. ``nasional.json`` maps every category;
any other profile inherits that mapping, may override rows of it, may add its own kegiatan and
rekening rows (numbered like the national list, each with source and confidence) and lists rules
that give warnings: ``min_pekerja_rentan`` (minimum, optional max_age), ``forbid_sumber_dana``
(kategori, sumber_dana) and ``wajib_program`` (kategori, programs, optional iuran_pekerja). ``tiers`` is the planner's priority order (see budget/tiers.py): the
national profile must list it; another profile inherits it unless it gives its own.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from desa_budget.budget.codes.catalog import (
    CONFIDENCE,
    Catalog,
    CodeRow,
    load_catalog,
    parse_code_rows,
    read_code_rows,
)
from desa_budget.budget.tiers import Tier, parse_tiers
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.paths import resources_dir
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories

NATIONAL = "nasional"
_TARGET_LEVEL = {"kegiatan": "kegiatan", "rekening": "objek"}


@dataclass(frozen=True)
class MappingRow:
    kegiatan: str
    rekening: str
    sumber_dana: str
    confidence: str

    # The names codes.lines.LineCode asks for: a profile's mapping feeds build_lines as it is.
    @property
    def kode_kegiatan(self) -> str:
        return self.kegiatan

    @property
    def kode_rekening(self) -> str:
        return self.rekening


@dataclass(frozen=True)
class ProfileRule:
    """One kabupaten rule; breaking it gives a warning, never an error."""

    rule: str  # min_pekerja_rentan / forbid_sumber_dana / wajib_program
    confidence: str
    source: str = ""
    kategori: str | None = None  # forbid_sumber_dana, wajib_program
    sumber_dana: str | None = None  # forbid_sumber_dana
    minimum: int | None = None  # min_pekerja_rentan
    max_age: int | None = None  # min_pekerja_rentan, age on 1 January of the year
    programs: tuple[str, ...] = ()  # wajib_program
    iuran_pekerja: str | None = None  # wajib_program: "potong" = worker shares from the siltap

    @property
    def description(self) -> str:
        """The rule in Indonesian, for the settings page and the printed notes (marked text: the
        window shows it with ``_()``)."""
        if self.rule == "min_pekerja_rentan":
            age = (
                N_(", usia paling tinggi {age} tahun").format(age=self.max_age)
                if self.max_age is not None
                else ""
            )
            return N_("Paling sedikit {minimum} pekerja rentan dilindungi{age}.").format(
                minimum=self.minimum, age=age
            )
        label = categories.label(self.kategori) if self.kategori else "?"
        if self.rule == "wajib_program":
            if self.iuran_pekerja == "potong":
                return N_(
                    "{kategori} wajib ikut {programs}; iuran pekerja JHT dan JP dipotong dari siltap."
                ).format(kategori=label, programs=", ".join(self.programs))
            return N_("{kategori} wajib ikut {programs}.").format(
                kategori=label, programs=", ".join(self.programs)
            )
        return N_("Sumber dana {sumber} tidak boleh untuk iuran {kategori}.").format(
            sumber=self.sumber_dana, kategori=label
        )


@dataclass(frozen=True)
class KabupatenProfile:
    name: str
    title: str
    source: str
    example: bool
    mapping: Mapping[str, MappingRow]
    extra_rows: tuple[CodeRow, ...] = ()
    min_pekerja_rentan: int | None = None
    max_age_pekerja_rentan: int | None = None
    forbidden_sumber: Mapping[str, frozenset[str]] = field(default_factory=dict)
    rules: tuple[ProfileRule, ...] = ()
    tiers: tuple[Tier, ...] = ()  # the planner's priority order (pekerja-rentan target 100)
    tiers_source: str = ""  # where the order comes from

    def codes_for(self, kategori: str) -> tuple[str, str, str]:
        """(kegiatan, rekening, sumber dana) the profile gives ``kategori``."""
        row = self.mapping.get(kategori)
        if row is None:
            raise UserError(
                _("Profil {profile} tidak memetakan kategori '{kategori}'.").format(
                    profile=self.title, kategori=kategori
                )
            )
        return row.kegiatan, row.rekening, row.sumber_dana


def _mapping(raw: Any, where: str, catalog: Catalog, problems: list[str]) -> dict[str, MappingRow]:
    out: dict[str, MappingRow] = {}
    if not isinstance(raw, dict):
        problems.append(
            _("{where}: 'mapping' harus berupa objek kategori → kode.").format(where=where)
        )
        return out
    for key, row in raw.items():
        if key not in categories.BY_KEY:
            problems.append(
                _("{where}: kategori '{key}' tidak dikenal.").format(where=where, key=key)
            )
            continue
        if not isinstance(row, dict) or not all(
            isinstance(row.get(k), str) for k in ("kegiatan", "rekening", "sumber_dana")
        ):
            problems.append(
                _("{where}: pemetaan '{key}' harus punya kegiatan, rekening, sumber_dana.").format(
                    where=where, key=key
                )
            )
            continue
        found: dict[str, str] = {}
        for kind in ("kegiatan", "rekening", "sumber_dana"):
            code = catalog.find(kind, row[kind])
            level = _TARGET_LEVEL.get(kind)
            entry = catalog.get(kind, code) if code else None
            if entry is None or (level is not None and entry.level != level):
                what = f"{level} " if level else ""
                problems.append(
                    _(
                        "{where}: pemetaan '{key}' memakai {kind} {kode} yang bukan "
                        "{level}dalam daftar kode."
                    ).format(where=where, key=key, kind=kind, kode=row[kind], level=what)
                )
            found[kind] = code or row[kind]
        confidence = str(row.get("confidence", ""))
        if confidence not in CONFIDENCE:
            problems.append(
                _("{where}: pemetaan '{key}' tanpa tingkat keyakinan H/M/L.").format(
                    where=where, key=key
                )
            )
        out[key] = MappingRow(
            found["kegiatan"], found["rekening"], found["sumber_dana"], confidence
        )
    return out


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _rules(raw: Any, where: str, catalog: Catalog, problems: list[str]) -> list[ProfileRule]:
    found: list[ProfileRule] = []
    if not isinstance(raw, list):
        problems.append(_("{where}: 'rules' harus berupa daftar.").format(where=where))
        return found
    for n, rule in enumerate(raw, start=1):
        at = _("{where} aturan ke-{n}").format(where=where, n=n)
        if not isinstance(rule, dict):
            problems.append(_("{where}: harus berupa objek.").format(where=at))
            continue
        kind, confidence = rule.get("rule"), str(rule.get("confidence", ""))
        if confidence not in CONFIDENCE:
            problems.append(
                _("{where}: tingkat keyakinan harus H, M atau L, bukan '{value}'.").format(
                    where=at, value=confidence
                )
            )
        source = str(rule.get("source", ""))
        if kind == "min_pekerja_rentan":
            minimum, max_age = _int(rule.get("minimum")), _int(rule.get("max_age"))
            if minimum is None or ("max_age" in rule and max_age is None):
                problems.append(
                    _("{where}: minimum dan max_age harus bilangan bulat tidak negatif.").format(
                        where=at
                    )
                )
            elif any(r.rule == kind for r in found):
                problems.append(
                    _("{where}: aturan min_pekerja_rentan tercantum dua kali.").format(where=at)
                )
            else:
                found.append(
                    ProfileRule(kind, confidence, source, minimum=minimum, max_age=max_age)
                )
        elif kind == "forbid_sumber_dana":
            kategori = rule.get("kategori")
            sumber = catalog.find("sumber_dana", str(rule.get("sumber_dana", "")))
            if kategori not in categories.BY_KEY or sumber is None:
                problems.append(
                    _("{where}: kategori atau sumber dana tidak dikenal: {rule}.").format(
                        where=at, rule=repr(rule)
                    )
                )
            else:
                found.append(
                    ProfileRule(kind, confidence, source, kategori=kategori, sumber_dana=sumber)
                )
        elif kind == "wajib_program":
            rule_found = _required(rule, at, problems)
            if rule_found is not None:
                found.append(replace(rule_found, confidence=confidence, source=source))
        else:
            problems.append(
                _("{where}: jenis aturan '{kind}' tidak dikenal.").format(where=at, kind=kind)
            )
    return found


def _required(rule: dict[str, Any], at: str, problems: list[str]) -> ProfileRule | None:
    kategori, programs, share = (
        rule.get("kategori"),
        rule.get("programs"),
        rule.get("iuran_pekerja"),
    )
    if kategori not in categories.BY_KEY:
        problems.append(
            _("{at}: 'kategori' tidak dikenal: {kategori}.").format(at=at, kategori=repr(kategori))
        )
        return None
    if not isinstance(programs, list) or not programs or not set(programs) <= set(PROGRAMS):
        problems.append(
            _("{at}: 'programs' harus daftar program dari {value}.").format(
                at=at, value=", ".join(PROGRAMS)
            )
        )
        return None
    if share not in (None, "desa", "potong"):
        problems.append(_("{at}: 'iuran_pekerja' harus desa atau potong.").format(at=at))
        return None
    chosen = tuple(p for p in PROGRAMS if p in programs)
    return ProfileRule("wajib_program", "", kategori=kategori, programs=chosen, iuran_pekerja=share)


def _extra_rows(
    data: dict[str, Any], path: Path, national: Catalog, problems: list[str]
) -> list[CodeRow]:
    """The profile's own kegiatan / rekening rows: inline lists and/or a CSV beside the profile."""
    extra: list[CodeRow] = []
    for kind in ("kegiatan", "rekening"):
        known = {row.kode for row in national.items(kind)}
        inline = data.get(kind) or []
        try:
            if not isinstance(inline, list) or not all(isinstance(r, dict) for r in inline):
                raise UserError(
                    _("{file}: '{kind}' harus berupa daftar baris kode.").format(
                        file=path.name, kind=kind
                    )
                )
            records = [
                (_("{file} {kind} ke-{n}").format(file=path.name, kind=kind, n=n), r)
                for n, r in enumerate(inline, start=1)
            ]
            rows = parse_code_rows(records, kind, path.name, known=known)
            extra_file = data.get(f"{kind}_file")
            if extra_file:
                own = {r.kode for r in rows}
                rows += read_code_rows(path.parent / str(extra_file), kind, known=known | own)
        except UserError as exc:
            problems += exc.details or [exc.message]
            continue
        extra += rows
    return extra


def _load(path: Path, national: KabupatenProfile | None, codes: Catalog) -> KabupatenProfile:
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            _("Profil kabupaten {file} tidak dapat dibaca: {error}").format(file=where, error=exc)
        ) from exc
    if not isinstance(data, dict):
        raise UserError(
            _("Profil kabupaten {file} tidak sah: isinya harus berupa objek JSON.").format(
                file=where
            )
        )
    problems: list[str] = []
    extra = _extra_rows(data, path, codes, problems)
    catalog = codes.with_rows(extra)
    own = _mapping(data.get("mapping", {}), where, catalog, problems)
    mapping = {**(national.mapping if national else {}), **own}
    rules = _rules(data.get("rules", []), where, catalog, problems)
    if national is None or "tiers" in data:
        tiers = parse_tiers(data.get("tiers"), where, problems)
        tiers_source = str(data.get("tiers_source") or data.get("source") or "")
    else:
        tiers, tiers_source = national.tiers, national.tiers_source
    if national is None and set(mapping) != set(categories.KEYS):
        problems.append(
            _("{where}: profil nasional harus memetakan setiap kategori.").format(where=where)
        )
    if problems:
        raise UserError(
            _("Profil kabupaten {file} tidak sah.").format(file=where), details=problems
        )
    minimum = next((r for r in rules if r.rule == "min_pekerja_rentan"), None)
    forbidden: dict[str, set[str]] = {}
    for rule in rules:
        if rule.rule == "forbid_sumber_dana" and rule.kategori and rule.sumber_dana:
            forbidden.setdefault(rule.kategori, set()).add(rule.sumber_dana)
    return KabupatenProfile(
        name=str(data.get("name") or path.stem),
        title=str(data.get("title") or path.stem),
        source=str(data.get("source") or ""),
        example=bool(data.get("example", False)),
        mapping={key: mapping[key] for key in categories.KEYS if key in mapping},
        extra_rows=tuple(extra),
        min_pekerja_rentan=minimum.minimum if minimum else None,
        max_age_pekerja_rentan=minimum.max_age if minimum else None,
        forbidden_sumber={k: frozenset(v) for k, v in forbidden.items()},
        rules=tuple(rules),
        tiers=tiers,
        tiers_source=tiers_source,
    )


@cache
def _profiles(folder: Path) -> Mapping[str, KabupatenProfile]:
    # The code lists beside the profiles' folder when there are some (a test's copy), else shipped.
    codes = load_catalog(folder.parent if (folder.parent / "kegiatan.csv").exists() else None)
    national = _load(folder / f"{NATIONAL}.json", None, codes)
    found = {NATIONAL: national}
    for path in sorted(folder.glob("*.json")):
        if path.stem != NATIONAL:
            profile = _load(path, national, codes)
            if profile.name in found:
                raise UserError(
                    _("Profil kabupaten {file}: nama '{name}' dipakai dua kali.").format(
                        file=path.name, name=profile.name
                    )
                )
            found[profile.name] = profile
    return found


def load_kabupaten_profiles(folder: Path | None = None) -> Mapping[str, KabupatenProfile]:
    """Every profile in resources/codes/kabupaten; each inherits the national mapping it does not set."""
    return _profiles((folder or resources_dir() / "codes" / "kabupaten").resolve())


def get_kabupaten_profile(name: str) -> KabupatenProfile:
    profiles = load_kabupaten_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles))
        raise UserError(
            _("Profil kabupaten '{name}' tidak ada. Yang tersedia: {known}.").format(
                name=name, known=known
            )
        )
    return profiles[name]


def catalog_for(profile_name: str, local_codes: Iterable[tuple[str, str, str]] = ()) -> Catalog:
    """National codes + the kabupaten profile's own rows + the village's local codes."""
    profile = get_kabupaten_profile(profile_name)
    return load_catalog().with_rows(profile.extra_rows).with_local(local_codes)
