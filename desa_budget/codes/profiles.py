"""Kabupaten profiles: the default category → kegiatan / rekening / sumber dana mapping and local rules."""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desa_budget import categories
from desa_budget.codes.catalog import CONFIDENCE, CodeRow, load_catalog, read_code_rows
from desa_budget.errors import UserError
from desa_budget.paths import resources_dir

NATIONAL = "nasional"


@dataclass(frozen=True)
class MappingRow:
    kegiatan: str
    rekening: str
    sumber_dana: str
    confidence: str


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


def _mapping(raw: Any, where: str, problems: list[str]) -> dict[str, MappingRow]:
    out: dict[str, MappingRow] = {}
    for key, row in dict(raw or {}).items():
        if key not in categories.BY_KEY:
            problems.append(f"{where}: kategori '{key}' tidak dikenal.")
            continue
        try:
            out[key] = MappingRow(
                str(row["kegiatan"]),
                str(row["rekening"]),
                str(row["sumber_dana"]).upper(),
                str(row.get("confidence", "")),
            )
        except (KeyError, TypeError):
            problems.append(
                f"{where}: pemetaan '{key}' harus punya kegiatan, rekening, sumber_dana."
            )
            continue
        if out[key].confidence not in CONFIDENCE:
            problems.append(f"{where}: pemetaan '{key}' tanpa tingkat keyakinan H/M/L.")
    return out


def _rules(raw: Any, where: str, problems: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {"forbidden": {}}
    for n, rule in enumerate(list(raw or []), start=1):
        kind = rule.get("rule") if isinstance(rule, dict) else None
        if kind == "min_pekerja_rentan" and isinstance(rule.get("minimum"), int):
            found["min"] = rule["minimum"]
            found["max_age"] = rule.get("max_age") if isinstance(rule.get("max_age"), int) else None
        elif kind == "forbid_sumber_dana" and rule.get("kategori") in categories.BY_KEY:
            forbidden = found["forbidden"].setdefault(rule["kategori"], set())
            forbidden.add(str(rule.get("sumber_dana", "")).upper())
        else:
            problems.append(f"{where}: aturan ke-{n} tidak dikenal atau tidak lengkap: {rule!r}.")
    return found


def _load(path: Path, national: dict[str, MappingRow] | None) -> KabupatenProfile:
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Profil kabupaten {where} tidak dapat dibaca: {exc}") from exc
    problems: list[str] = []
    mapping = {**(national or {}), **_mapping(data.get("mapping"), where, problems)}
    extra: list[CodeRow] = []
    for kind in ("kegiatan", "rekening"):
        extra_file = data.get(f"{kind}_file")
        if extra_file:
            extra += read_code_rows(path.parent / str(extra_file), kind)
    rules = _rules(data.get("rules"), where, problems)
    catalog = load_catalog().with_rows(extra)
    for key, row in mapping.items():
        for kind, code in (
            ("kegiatan", row.kegiatan),
            ("rekening", row.rekening),
            ("sumber_dana", row.sumber_dana),
        ):
            if catalog.find(kind, code) is None:
                problems.append(f"{where}: pemetaan '{key}' memakai {kind} {code} yang tidak ada.")
    if national is None and set(mapping) != set(categories.KEYS):
        problems.append(f"{where}: profil nasional harus memetakan setiap kategori.")
    if problems:
        raise UserError(f"Profil kabupaten {where} tidak sah.", details=problems)
    return KabupatenProfile(
        name=str(data.get("name") or path.stem),
        title=str(data.get("title") or path.stem),
        source=str(data.get("source") or ""),
        example=bool(data.get("example", False)),
        mapping=mapping,
        extra_rows=tuple(extra),
        min_pekerja_rentan=rules.get("min"),
        max_age_pekerja_rentan=rules.get("max_age"),
        forbidden_sumber={k: frozenset(v) for k, v in rules["forbidden"].items()},
    )


@cache
def _profiles(folder: Path) -> Mapping[str, KabupatenProfile]:
    national = _load(folder / f"{NATIONAL}.json", None)
    found = {NATIONAL: national}
    for path in sorted(folder.glob("*.json")):
        if path.stem != NATIONAL:
            profile = _load(path, dict(national.mapping))
            found[profile.name] = profile
    return found


def load_kabupaten_profiles(folder: Path | None = None) -> Mapping[str, KabupatenProfile]:
    """Every profile in resources/codes/kabupaten; each inherits the national mapping it does not set."""
    return _profiles((folder or resources_dir() / "codes" / "kabupaten").resolve())


def get_kabupaten_profile(name: str) -> KabupatenProfile:
    profiles = load_kabupaten_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles))
        raise UserError(f"Profil kabupaten '{name}' tidak ada. Yang tersedia: {known}.")
    return profiles[name]
