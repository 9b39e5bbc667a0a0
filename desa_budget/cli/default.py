"""What ``python app.py`` does with no subcommand until the window exists: open the database, create
the demo village when it is empty, and print the demo village's simulation for the current year."""

import argparse
from datetime import date

from sqlalchemy import func, select

from desa_budget import audit
from desa_budget.cli.common import open_from_args
from desa_budget.cli.roster_cmds import print_simulation
from desa_budget.demo import create_demo_village
from desa_budget.models import Person, VillageProfile


def run_default(args: argparse.Namespace) -> int:
    year = date.today().year
    db = open_from_args(args)
    with db.session() as session:
        empty = not session.scalar(select(func.count()).select_from(VillageProfile)) and not (
            session.scalar(select(func.count()).select_from(Person))
        )
        if empty:
            create_demo_village(session, operator=audit.current_operator(session), year=year)
    if empty:
        print("Basis data masih kosong: desa demo (Desa Sukamaju) dibuat.\n")
    with db.session() as session:
        print_simulation(session, year)
    return 0
