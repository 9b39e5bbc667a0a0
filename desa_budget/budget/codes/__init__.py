"""Budget codes: the kegiatan / rekening / sumber dana catalog, their shapes, kabupaten profiles.
Lines built from them and their checks are one level up, in desa_budget.budget."""
