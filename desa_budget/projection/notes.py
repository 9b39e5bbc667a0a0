"""The projection's assumptions said as sentences (marked N_: Indonesian in print and the CLI)."""

from collections.abc import Mapping

from desa_budget.contributions.amounts import ceiling_note
from desa_budget.format import format_growth, format_rp
from desa_budget.i18n import N_, join_marked
from desa_budget.projection.assumptions import ProjectionParams, target_count
from desa_budget.rules import RuleSet
from desa_budget.rules.months import label_of_index, month_index
from desa_budget.village import categories


def _ceiling_note(rules: RuleSet, params: ProjectionParams) -> str | None:
    """The growth of the JP ceiling, only when some projected month has no published one."""
    amount, _start, end = rules.last_published_ceiling
    last = params.years[-1]
    if end is None or end >= month_index(last, 12):
        return None  # published data beats an assumption: nothing assumed
    growth = rules.ceiling_growth_in_use
    values = {
        "month": label_of_index(end + 1),
        "amount": format_rp(amount),
        "growth": format_growth(growth),
        "average": format_growth(rules.average_ceiling_growth),
    }
    if rules.ceiling_growth is None:
        return N_(
            "Batas upah JP sesudah {amount} belum diterbitkan mulai {month}: diasumsikan naik "
            "{growth}% per tahun setiap Maret (rata-rata kenaikan yang diterbitkan), dibulatkan "
            "ke bawah ke Rp100."
        ).format(**values)
    return N_(
        "Batas upah JP sesudah {amount} belum diterbitkan mulai {month}: diasumsikan naik "
        "{growth}% per tahun setiap Maret (rata-rata kenaikan yang diterbitkan {average}%), "
        "dibulatkan ke bawah ke Rp100."
    ).format(**values)


def _ages(rules: RuleSet, params: ProjectionParams) -> str:
    spans: list[list[int]] = []  # [age, first year, last year]
    for year in params.years:
        age = rules.age_series.find(year)
        if age is None:
            continue
        if spans and spans[-1][0] == age:
            spans[-1][2] = year
        else:
            spans.append([age, year, year])
    parts = [
        N_("{age} tahun ({years})").format(
            age=age, years=str(first) if first == last else f"{first}–{last}"
        )
        for age, first, last in spans
    ]
    return N_(
        "Usia pensiun JP menurut aturan: {ages}; JP berhenti sesudah bulan ulang tahun pada usia "
        "itu (menurut tanggal lahir di daftar)."
    ).format(ages=join_marked(", ", parts))


def assumption_notes(
    rules: RuleSet,
    params: ProjectionParams,
    *,
    applied: bool,
    base_counts: Mapping[str, int],
    engine: tuple[str, ...],
) -> tuple[str, ...]:
    base = params.tahun_dasar
    notes: list[str] = []
    if applied:
        notes.append(
            N_(
                "Peserta dan program mengikuti rencana yang diterapkan pada anggaran {base}; "
                "tahun {base} sama dengan simulasinya."
            ).format(base=base)
        )
    else:
        notes.append(
            N_(
                "Peserta dan program mengikuti daftar peserta tahun {base}; tahun {base} sama "
                "dengan simulasinya."
            ).format(base=base)
        )
    ceiling = _ceiling_note(rules, params)
    if ceiling is not None:
        notes.append(ceiling)
    grown = [(k, params.wage_growth(k)) for k in categories.KEYS if params.wage_growth(k)]
    if grown:
        parts = join_marked(
            ", ",
            [
                N_("{kategori} {growth}%").format(
                    kategori=categories.label(k), growth=format_growth(g)
                )
                for k, g in grown
            ],
        )
        notes.append(
            N_("Dasar upah naik per tahun mulai {year}: {parts}; kategori lain tetap.").format(
                year=base + 1, parts=parts
            )
        )
    else:
        notes.append(N_("Dasar upah tetap seperti tahun {base}.").format(base=base))
    notes.append(_ages(rules, params))
    if params.isi_kembali:
        notes.append(
            N_(
                "Jabatan yang masa jabatannya berakhir diasumsikan diisi kembali mulai bulan "
                "berikutnya dengan dasar upah dan program yang sama; pengganti belum diketahui "
                "tanggal lahirnya, jadi JP-nya dihitung penuh."
            )
        )
    else:
        notes.append(N_("Jabatan yang masa jabatannya berakhir tidak diisi kembali."))
    for key, targets in params.target.items():
        last = max(targets)
        notes.append(
            N_(
                "Target {kategori}: dari {start} orang ({base}) menjadi {end} orang ({year}), "
                "naik merata; peserta baru ikut 12 bulan dengan dasar dan program yang paling "
                "umum di kategori itu; peserta yang ada tidak dikurangi."
            ).format(
                kategori=categories.label(key),
                start=base_counts.get(key, 0),
                base=base,
                end=target_count(params, key, last, base_counts.get(key, 0)),
                year=last,
            )
        )
    if params.kenaikan_belanja is not None:
        notes.append(
            N_(
                "Total belanja desa tahun yang belum diisi: tahun terakhir yang diisi, naik "
                "{growth}% per tahun."
            ).format(growth=format_growth(params.kenaikan_belanja))
        )
    # The engine's sentence for each assumed ceiling is said once above, the amounts per year
    # in the ceiling column.
    per_ceiling = {
        ceiling_note(c)
        for c in (rules.jp_ceiling_at(y, m) for y in params.years for m in (1, 12))
        if c.assumed
    }
    notes.extend(n for n in engine if n not in notes and n not in per_ceiling)
    return tuple(notes)
