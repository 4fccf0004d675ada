"""Reads of practice history, aggregated in the database.

Streaks are computed set-based ("gaps and islands"): the user's distinct
practice days numbered in order; a day minus its number is the same for every
day of one unbroken run, so grouping by it gives each run with its length in
one query, whatever the size of the history.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection

from practice.models import PracticeSession


@dataclass(frozen=True)
class Run:
    first_day: date
    last_day: date
    days: int


def _island_key() -> str:
    if connection.vendor == "postgresql":
        return "d - CAST(rn AS integer)"
    return "julianday(d) - rn"


def practice_runs(user) -> list[Run]:
    """Every unbroken run of practice days, most recent first (one query)."""
    table = PracticeSession._meta.db_table
    sql = f"""
        WITH days AS (SELECT DISTINCT local_date AS d FROM {table} WHERE user_id = %s),
        numbered AS (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn FROM days)
        SELECT MIN(d), MAX(d), COUNT(*) FROM numbered
        GROUP BY {_island_key()} ORDER BY MAX(d) DESC
    """  # noqa: S608 (table name from the model, user id as a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk])
        rows = cursor.fetchall()
    return [Run(_as_date(first), _as_date(last), days) for first, last, days in rows]


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def streaks(runs: list[Run], *, today: date) -> tuple[int, int]:
    """(current, longest) in days; today not yet practised does not break a run up to yesterday."""
    longest = max((run.days for run in runs), default=0)
    current = 0
    if runs and runs[0].last_day >= today - timedelta(days=1):
        current = runs[0].days
    return current, longest
