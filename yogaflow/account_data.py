"""A practitioner's own data: export everything, or delete the account with it.

Wiring code (yogaflow may import every app): the export reads accounts,
sequences, practice and achievements; the deletion relies on the foreign keys'
on_delete rules (CASCADE for everything the user owns) so curated content and
other users' data stay.
"""

import csv
import io
import secrets
from collections.abc import Callable, Iterable, Iterator
from datetime import date, time
from zoneinfo import ZoneInfo

import structlog
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.services import PROFILE_FIELDS as ACCOUNT_PROFILE_FIELDS
from accounts.services import check_password
from achievements.models import UserAchievement
from poses.models import PoseRating
from practice.models import PracticeSession, PracticeStep
from sequences.models import Favorite, Sequence, SequencePose

logger = structlog.get_logger(__name__)

# Everything one sets on one's profile, reminder settings included: accounts' own list, so a
# setting added there is exported without a second list to keep in step.
PROFILE_FIELDS = ("email", *ACCOUNT_PROFILE_FIELDS)
SESSION_FIELDS = (
    "sequence_title",
    "style",
    "focus",
    "started_at",
    "ended_at",
    "duration_seconds",
    "local_date",
    "completed",
    "poses_completed",
    "mood_before",
    "mood_after",
    "energy_before",
    "energy_after",
    "notes",
    "source",
)
CSV_HEADER = [
    "date",
    "start",
    "duration_minutes",
    "title",
    "style",
    "focus",
    "completed",
    "poses_completed",
    "mood_before",
    "mood_after",
    "energy_before",
    "energy_after",
    "poses_done",
    "notes",
]
# Rows read from the database and written out at a time, by the streaming exports.
CHUNK_ROWS = 2000
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _profile_value(user, name: str):
    """A profile field as auth/me shows it: a time of day (the reminder's) as local "HH:MM"."""
    value = getattr(user, name)
    return value.strftime("%H:%M") if isinstance(value, time) else value


def _sessions(user):
    return PracticeSession.objects.filter(user=user).order_by("started_at", "pk")


def _in_chunks(rows: Iterable, size: int) -> Iterator[list]:
    """`rows` in lists of `size` (the last may be shorter)."""
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _steps_of(session_ids: list[int]) -> dict[int, list[PracticeStep]]:
    """The steps done of these sessions, by session id, in order (one query)."""
    steps: dict[int, list[PracticeStep]] = {}
    rows = PracticeStep.objects.filter(session_id__in=session_ids).order_by(
        "session_id", "position"
    )
    for step in rows:
        steps.setdefault(step.session_id, []).append(step)
    return steps


def _sessions_with_steps(sessions) -> Iterator[tuple]:
    """(session, its steps done) for each row of `sessions` (a queryset of rows or of dicts with
    "pk"), read CHUNK_ROWS at a time: constant memory; one query for the rows and one for
    the steps of each chunk."""
    for chunk in _in_chunks(sessions.iterator(chunk_size=CHUNK_ROWS), CHUNK_ROWS):
        steps = _steps_of([row["pk"] if isinstance(row, dict) else row.pk for row in chunk])
        for row in chunk:
            yield row, steps.get(row["pk"] if isinstance(row, dict) else row.pk, [])


def _session_rows(user) -> Iterator[dict]:
    """The user's sessions as export rows, each with the steps done (constant memory for 100k)."""
    for row, steps in _sessions_with_steps(_sessions(user).values("pk", *SESSION_FIELDS)):
        yield {
            **{
                name: _iso(value) if hasattr(value, "isoformat") else value
                for name, value in row.items()
                if name != "pk"
            },
            "steps": [_step_json(step) for step in steps],
        }


def _step_json(step: PracticeStep) -> dict:
    return {
        "pose": step.pose_slug,
        "name": step.pose_name,
        "side": step.side,
        "seconds_held": step.seconds_held,
    }


def _step_text(step: PracticeStep) -> str:
    side = f" ({step.side})" if step.side else ""
    return f"{step.pose_name}{side} {step.seconds_held}s"


def export_user_data_json(
    user, *, dumps: Callable[[object], str], indent: int | None
) -> Iterator[str]:
    """export_user_data as JSON text in pieces, the sessions streamed in chunks: the same text
    as `dumps(export_user_data(user))` (the same `dumps`, with this `indent`, or None for
    compact), in constant memory whatever the history's size: 6 queries, and one more for
    the steps of each CHUNK_ROWS sessions."""
    data = export_user_data(user, sessions=False)
    mark = secrets.token_hex(16)  # where the sessions go: no text the user wrote can hold it
    data["practice_sessions"] = mark
    head, tail = dumps(data).split(f'"{mark}"')
    rows = iter(_session_rows(user))
    first = next(rows, None)
    if first is None:
        yield head + "[]" + tail
        return
    if indent is None:
        # The item separator `dumps` writes: "," (compact) or ", " (json's default).
        opening, separator, closing = "[", dumps([0, 0])[2:-2], "]"
        render = dumps
    else:
        # The list sits at depth 2 of the document: its items are indented twice.
        inner = " " * (2 * indent)
        opening, separator, closing = f"[\n{inner}", f",\n{inner}", f"\n{' ' * indent}]"

        def render(row):
            return dumps(row).replace("\n", f"\n{inner}")

    yield head + opening + render(first)
    chunk = []
    for row in rows:
        chunk.append(separator + render(row))
        if len(chunk) >= CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + closing + tail


def export_user_data(user, *, sessions: bool = True) -> dict:
    """Everything the user owns, JSON-ready: 6 queries, and one more for the steps of each
    CHUNK_ROWS sessions.

    Never the password hash, tokens or staff flags: only what the person entered or earned.
    `sessions=False` leaves "practice_sessions" an empty list (5 queries), for
    `export_user_data_json`, which streams them.
    """
    items = SequencePose.objects.select_related("pose").order_by("position")
    sequences = Sequence.objects.filter(author=user).order_by("created_at", "pk")
    sequences = sequences.prefetch_related(Prefetch("items", queryset=items))
    favorites = Favorite.objects.filter(user=user).select_related("sequence")
    awards = UserAchievement.objects.filter(user=user).select_related("achievement")
    ratings = PoseRating.objects.filter(user=user).select_related("pose")
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            **{name: _profile_value(user, name) for name in PROFILE_FIELDS},
            "date_joined": _iso(user.date_joined),
        },
        "sequences": [
            {
                "slug": sequence.slug,
                "title": sequence.title,
                "description": sequence.description,
                "difficulty": sequence.difficulty,
                "focus": sequence.focus,
                "style": sequence.style,
                "visibility": sequence.visibility,
                "created_at": _iso(sequence.created_at),
                "updated_at": _iso(sequence.updated_at),
                "poses": [
                    {
                        "position": item.position,
                        "pose": item.pose.slug,
                        "duration_seconds": item.duration_seconds,
                        "side": item.side,
                        "cue": item.cue,
                    }
                    for item in sequence.items.all()
                ],
            }
            for sequence in sequences
        ],
        "practice_sessions": list(_session_rows(user)) if sessions else [],
        "favorites": [
            {"sequence": favorite.sequence.slug, "created_at": _iso(favorite.created_at)}
            for favorite in favorites.order_by("created_at", "pk")
        ],
        "achievements": [
            {"code": award.achievement.code, "earned_at": _iso(award.earned_at)}
            for award in awards.order_by("earned_at", "pk")
        ],
        "pose_ratings": [
            {
                "pose": rating.pose.slug,
                "rating": rating.rating,
                "created_at": _iso(rating.created_at),
                "updated_at": _iso(rating.updated_at),
            }
            for rating in ratings.order_by("created_at", "pk")
        ],
    }


def _safe_cell(value) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a single quote."""
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def sessions_csv(user) -> str:
    """The user's sessions as CSV, times in their own zone, the poses done in one cell
    ("Name (side) 60s; …"), safe to open in Excel."""
    return "".join(sessions_csv_chunks(user))


def sessions_csv_chunks(user) -> Iterator[str]:
    """sessions_csv in pieces of CHUNK_ROWS rows, read in chunks: constant memory, so a
    response can stream a history of any size (one query, and one more for the steps of each
    chunk)."""
    zone = ZoneInfo(user.timezone)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for count, (session, steps) in enumerate(_sessions_with_steps(_sessions(user)), start=1):
        row = [
            session.local_date.isoformat(),
            timezone.localtime(session.started_at, zone).isoformat(),
            round(session.duration_seconds / 60, 1),
            session.sequence_title,
            session.style,
            session.focus,
            "yes" if session.completed else "no",
            session.poses_completed,
            session.mood_before,
            session.mood_after,
            session.energy_before,
            session.energy_after,
            "; ".join(_step_text(step) for step in steps),
            session.notes,
        ]
        writer.writerow([_safe_cell(cell) for cell in row])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def export_filename(user, extension: str, *, today: date | None = None) -> str:
    """yogaflow-data-YYYY-MM-DD.<ext>, dated in the user's own zone."""
    today = today or timezone.localtime(timezone.now(), ZoneInfo(user.timezone)).date()
    return f"yogaflow-data-{today.isoformat()}.{extension}"


@transaction.atomic
def delete_account(*, request, user, password: str) -> None:
    """Delete the account and everything it owns, after checking the password (under the
    login lockout: accounts.services.check_password).

    Cascades: sessions, own sequences (and others' favorites of them), favorites,
    badges, pose ratings, tokens. Curated content and other users' sessions (their sequence link
    set to null, title kept) stay. A wrong password deletes nothing.
    """
    check_password(request=request, user=user, password=password)
    user_id = user.pk
    # SimpleJWT keeps refresh tokens with SET_NULL; they are the user's data too.
    OutstandingToken.objects.filter(user=user).delete()
    user.delete()
    logger.info("account_deleted", user_id=user_id)
