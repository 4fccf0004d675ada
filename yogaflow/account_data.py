"""A practitioner's own data: export everything, or delete the account with it.

Wiring code (yogaflow may import every app): the export reads accounts,
sequences, practice and achievements; the deletion relies on the foreign keys'
on_delete rules (CASCADE for everything the user owns) so curated content and
other users' data stay.
"""

import csv
import io
from datetime import date
from zoneinfo import ZoneInfo

import structlog
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.services import check_password
from achievements.models import UserAchievement
from poses.models import PoseRating
from practice.models import PracticeSession, PracticeStep
from sequences.models import Favorite, Sequence, SequencePose

logger = structlog.get_logger(__name__)

PROFILE_FIELDS = (
    "email",
    "display_name",
    "experience_level",
    "timezone",
    "preferred_session_minutes",
    "avoid",
)
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
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _sessions(user):
    return PracticeSession.objects.filter(user=user).order_by("started_at", "pk")


def _steps_by_session(user) -> dict[int, list[PracticeStep]]:
    """The steps done of every session of the user, by session id (one query)."""
    steps: dict[int, list[PracticeStep]] = {}
    rows = PracticeStep.objects.filter(session__user=user).order_by("session_id", "position")
    for step in rows.iterator():
        steps.setdefault(step.session_id, []).append(step)
    return steps


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


def export_user_data(user) -> dict:
    """Everything the user owns, JSON-ready; 7 queries whatever its size.

    Never the password hash, tokens or staff flags: only what the person entered or earned.
    """
    items = SequencePose.objects.select_related("pose").order_by("position")
    sequences = Sequence.objects.filter(author=user).order_by("created_at", "pk")
    sequences = sequences.prefetch_related(Prefetch("items", queryset=items))
    favorites = Favorite.objects.filter(user=user).select_related("sequence")
    awards = UserAchievement.objects.filter(user=user).select_related("achievement")
    ratings = PoseRating.objects.filter(user=user).select_related("pose")
    steps = _steps_by_session(user)
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            **{name: getattr(user, name) for name in PROFILE_FIELDS},
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
        "practice_sessions": [
            {
                **{
                    name: _iso(value) if hasattr(value, "isoformat") else value
                    for name, value in row.items()
                    if name != "pk"
                },
                "steps": [_step_json(step) for step in steps.get(row["pk"], [])],
            }
            for row in _sessions(user).values("pk", *SESSION_FIELDS)
        ],
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
    """The user's sessions as CSV (two queries), times in their own zone, the poses done in
    one cell ("Name (side) 60s; …"), safe to open in Excel."""
    zone = ZoneInfo(user.timezone)
    steps = _steps_by_session(user)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for session in _sessions(user).iterator():
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
            "; ".join(_step_text(step) for step in steps.get(session.pk, [])),
            session.notes,
        ]
        writer.writerow([_safe_cell(cell) for cell in row])
    return buffer.getvalue()


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
