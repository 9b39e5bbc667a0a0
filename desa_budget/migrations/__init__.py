"""Alembic migrations of the Jamsos Desa database (run by desa_budget.store at every start)."""
