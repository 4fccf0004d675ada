"""Everything practice.stats folds, read in one statement (one round trip to the database).

The four reads the statistics need — the user's (style, focus) tallies, the practice days of
the year calendar and the chosen month, the latest and the longest run of days, and the most
practised poses — are the four parts of one UNION ALL, each row tagged with its part. The
tables are the tallies practice.tallies keeps as sessions are recorded and deleted, so the
cost does not grow with the number of sessions. Plain SQL that SQLite and PostgreSQL both run.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection

from poses.models import Pose
from practice.models import (
    PracticeDay,
    PracticeRun,
    PracticeStep,
    PracticeTally,
    PractisedPose,
    PractisedSequence,
)
from practice.selectors import as_date
from sequences.models import SequencePose

TALLY, DAY, RUNS, POSE = 1, 2, 3, 4


@dataclass(frozen=True)
class StatsRows:
    """What one read returns.

    pairs: (style, focus, sessions, seconds) per tally row, in no particular order;
    days: (local date, sessions, seconds) per practice day in either range, oldest first;
    latest_day, latest_days: the latest run's last day and length in days (None without runs);
    longest_days: the longest run in days (None without runs);
    top_poses: (slug, name, Sanskrit name, published, sessions), most practised first.
    """

    pairs: list[tuple[str, str, int, int]]
    days: list[tuple[date, int, int]]
    latest_day: date | None
    latest_days: int | None
    longest_days: int | None
    top_poses: list[tuple[str, str, str, bool, int]]


def _sql() -> str:
    runs = PracticeRun._meta.db_table
    latest = f"FROM {runs} WHERE user_id = %(user)s ORDER BY last_day DESC LIMIT 1"
    # Most practised poses, counted in sessions: the sequence's poses up to how far each
    # session got (PractisedSequence: sessions per (sequence, poses reached)), summed per pose
    # before the poses are joined, and the steps kept with sessions (PractisedPose: sessions
    # per pose slug). A slug no pose has any more is named from the steps that kept it.
    return f"""
        WITH by_pose AS (
            SELECT sp.pose_id AS pose_id, SUM(r.sessions) AS times
            FROM {PractisedSequence._meta.db_table} r
            JOIN {SequencePose._meta.db_table} sp
                ON sp.sequence_id = r.sequence_id AND sp.position <= r.reached
            WHERE r.user_id = %(user)s AND r.reached > 0
            GROUP BY sp.pose_id
        ),
        counted AS (
            SELECT p.slug AS slug, b.times AS times
            FROM by_pose b JOIN {Pose._meta.db_table} p ON p.id = b.pose_id
            UNION ALL
            SELECT pose_slug AS slug, sessions AS times
            FROM {PractisedPose._meta.db_table} WHERE user_id = %(user)s
        ),
        totals AS (SELECT slug, SUM(times) AS times FROM counted GROUP BY slug),
        top AS (
            SELECT totals.slug AS slug,
                   COALESCE(p.name_en, (SELECT MAX(t.pose_name)
                                        FROM {PracticeStep._meta.db_table} t
                                        WHERE t.pose_slug = totals.slug)) AS name,
                   COALESCE(p.name_sa, '') AS sanskrit,
                   CASE WHEN p.is_published THEN 1 ELSE 0 END AS published,
                   totals.times AS times
            FROM totals LEFT JOIN {Pose._meta.db_table} p ON p.slug = totals.slug
            ORDER BY totals.times DESC, name, totals.slug
            LIMIT %(top)s
        )
        SELECT {TALLY} AS part, style AS a, focus AS b, CAST(NULL AS varchar(200)) AS c,
               CAST(NULL AS date) AS day, sessions AS n, seconds AS m, CAST(NULL AS bigint) AS rank
        FROM {PracticeTally._meta.db_table} WHERE user_id = %(user)s
        UNION ALL
        SELECT {DAY}, NULL, NULL, NULL, local_date, sessions, seconds, NULL
        FROM {PracticeDay._meta.db_table}
        WHERE user_id = %(user)s
          AND ((local_date >= %(first)s AND local_date <= %(last)s)
               OR (local_date >= %(month_first)s AND local_date <= %(month_last)s))
        UNION ALL
        SELECT {RUNS}, NULL, NULL, NULL, (SELECT last_day {latest}), (SELECT days {latest}),
               (SELECT MAX(days) FROM {runs} WHERE user_id = %(user)s), NULL
        UNION ALL
        SELECT {POSE}, slug, name, sanskrit, NULL, times, published,
               ROW_NUMBER() OVER (ORDER BY times DESC, name, slug)
        FROM top
        ORDER BY part, day, rank, a, b
    """  # noqa: S608 (table names from the models, values as parameters)


def read_stats_rows(
    user_id: int, *, first: date, last: date, month_first: date, month_last: date, top: int
) -> StatsRows:
    """The rows of the statistics of `user_id`: days from `first` to `last` and from
    `month_first` to `month_last` (both inclusive), and the `top` most practised poses.
    One query."""
    adapt = connection.ops.adapt_datefield_value
    params = {
        "user": user_id,
        "first": adapt(first),
        "last": adapt(last),
        "month_first": adapt(month_first),
        "month_last": adapt(month_last),
        "top": top,
    }
    with connection.cursor() as cursor:
        cursor.execute(_sql(), params)
        rows = cursor.fetchall()
    pairs, days, poses = [], [], []
    latest_day = latest_days = longest_days = None
    for part, a, b, c, day, n, m, _rank in rows:
        if part == TALLY:
            pairs.append((a, b, int(n), int(m)))
        elif part == DAY:
            days.append((as_date(day), int(n), int(m)))
        elif part == RUNS:
            latest_day = None if day is None else as_date(day)
            latest_days = None if n is None else int(n)
            longest_days = None if m is None else int(m)
        else:
            poses.append((a, b, c, bool(m), int(n)))
    return StatsRows(pairs, days, latest_day, latest_days, longest_days, poses)
