"""The roster: who is covered, with posts, SK, terms, wage basis and BPJS status.
service edits, read lists, data holds the DTOs; workbook/ reads and writes the roster xlsx.
"""
