"""The APBDes side: budget codes and their assignment, lines and checks, the 30 % ceiling,
the planner and scenarios, budget-year settings and adopted versions.
"""
