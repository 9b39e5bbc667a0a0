"""The roster workbook: layout and export, safe reading, parsing rows, applying an import.
All or nothing: parse never writes, apply writes in one transaction.
"""
