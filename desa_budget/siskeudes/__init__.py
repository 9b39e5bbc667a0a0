"""Reading a Siskeudes database (read-only, from a copy): readers, the table mapping, import, compare."""
