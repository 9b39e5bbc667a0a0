"""The database: engine and sessions, the tables, Alembic migrations, backups, the audit log, and
the shared server's password in the OS credential store. Nothing here knows about contributions
or budgets.
"""
