"""Projecting the contributions over the RPJMDes years: assumptions (stored) and the years."""
