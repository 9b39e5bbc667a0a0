"""Budget codes: the kegiatan / rekening / sumber dana catalog, kabupaten profiles, lines and checks."""
