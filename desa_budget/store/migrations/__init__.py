"""Alembic migrations of the Jamsos Desa database (run by desa_budget.store.opening at every start).

``HEAD`` names the newest revision so that a database already at it opens without importing
Alembic at all (it costs a noticeable part of the start-up); a test checks it against the scripts.
"""

HEAD = "0007"
