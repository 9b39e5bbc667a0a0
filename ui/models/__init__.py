"""Table models over the core's frozen DTOs (never ORM objects)."""
