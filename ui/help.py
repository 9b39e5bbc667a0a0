"""F1: what each page is for and what to do there, in plain Indonesian (one short text a page)."""

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import N_, _

HELP: dict[str, str] = {
    "beranda": N_(
        "Beranda merangkum tahun anggaran yang dipilih: iuran yang dibayar desa, yang dipotong "
        "dari siltap, jumlah peserta, dan peringatan. Klik dua kali sebuah peringatan untuk "
        "membuka tempat memperbaikinya. Daftar masih kosong? Mulai dari Tambah peserta atau "
        "Impor dari Excel."
    ),
    "peserta": N_(
        "Daftar Peserta memuat semua orang yang diiurkan: perangkat, BPD, RT/RW, pekerja rentan. "
        "Tambah (Ctrl+N), ubah (klik dua kali), akhiri jabatan orang yang berhenti, atau impor "
        "dari Excel. Klik kanan sebuah baris untuk pilihan lain. Setiap perubahan dapat "
        "dibatalkan dengan Ctrl+Z."
    ),
    "kode": N_(
        "Kode Anggaran menentukan kegiatan, rekening dan sumber dana setiap kategori, seperti di "
        "Siskeudes. Isi total belanja desa untuk memeriksa batas 30% penghasilan tetap."
    ),
    "rencana": N_(
        "Simulasi & Rencana: isi pagu iuran, lalu lihat berapa orang tiap tingkat prioritas "
        "dapat ditanggung. Simpan pagu, simpan skenario untuk dibandingkan, dan tetapkan APBDes "
        "Murni atau Perubahan di tab Versi APBDes."
    ),
    "dokumen": N_(
        "Dokumen: pilih lampiran, lihat pratinjaunya, simpan sebagai PDF atau cetak. Ekspor DPMD "
        "dan lembar pendaftaran BPJS disimpan sebagai Excel; nama berkas memuat kode desa, nama "
        "desa, dokumen dan tahun."
    ),
    "pengaturan": N_(
        "Pengaturan: lokasi data, cadangan (buat, simpan ke flash disk, pulihkan), profil desa, "
        "tabel aturan, nama operator dan bahasa."
    ),
    "riwayat": N_(
        "Riwayat mencatat siapa mengubah apa dan kapan. Saring menurut orang, jenis data atau "
        "tanggal, dan ekspor ke Excel. NIK dan KPJ disamarkan kecuali dicentang."
    ),
    "tentang": N_("Tentang: manfaat program BPJS Ketenagakerjaan dan dasar hukumnya."),
    "rekap": N_(
        "Rekap kabupaten (petugas DPMD): pilih folder berisi ekspor DPMD dari desa-desa, lalu "
        "simpan rekapnya sebagai Excel atau PDF."
    ),
}


NO_HELP = N_("Belum ada bantuan untuk halaman ini.")


def help_text(page_key: str) -> str:
    return _(HELP.get(page_key, NO_HELP))


def show_help(parent: QWidget | None, page_key: str, title: str) -> QMessageBox:
    """A small window beside the work (not modal): the user reads and carries on."""
    box = QMessageBox(parent)
    box.setWindowTitle(_("Bantuan: {halaman}").format(halaman=title))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(help_text(page_key))
    box.addButton(_("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.setModal(False)
    box.show()
    return box
