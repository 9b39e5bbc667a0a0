"""The database: engine and sessions, the tables, Alembic migrations, backups, the audit log.
Nothing here knows about contributions or budgets.
"""
