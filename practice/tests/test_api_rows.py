"""Issue 15: GET /api/v1/sessions answers plain dicts (serializers.session_rows) that are, byte
for byte, what SessionSerializer answered, for any session: steps or none, a sequence kept or
deleted, client id or none, moods, any notes, any time (hypothesis)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.renderers import JSONRenderer

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from practice import selectors, services
from practice.api.serializers import (
    RecordedSessionSerializer,
    SessionSerializer,
    recorded_row,
    session_rows,
)
from practice.models import Source
from sequences.services import delete_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
SESSIONS = "/api/v1/sessions"
scale = st.one_of(st.none(), st.integers(1, 5))


def as_serializer_answers(sessions) -> bytes:
    return JSONRenderer().render(SessionSerializer(sessions, many=True).data)


def history_of(user):
    return list(selectors.history(user).prefetch_related("steps"))


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    practices=st.lists(
        st.tuples(
            st.integers(0, 2000),  # minutes before now
            st.integers(1, 200),
            st.sampled_from(["sequence", "played", "poses", "class"]),
            st.booleans(),  # client id
            st.tuples(scale, scale, scale, scale),
            st.text(max_size=40),
        ),
        max_size=5,
    ),
    sequence_gone=st.booleans(),
)
def test_session_rows_are_the_serializers_answer_byte_for_byte(practices, sequence_gone):
    user = UserFactory(timezone="Pacific/Chatham")
    sequence = SequenceFactory(author=user, poses=3)
    poses = PoseFactory.create_batch(2, name_en="Árdha “moon” ✓")
    now = datetime.now(UTC).replace(microsecond=123456)
    for before, minutes, kind, with_id, moods, notes in practices:
        start = now - timedelta(minutes=before + minutes)
        fields = {"source": Source.MANUAL, "title": "Class", "style": "yin"}
        if kind == "sequence":
            fields = {"sequence": sequence, "poses_completed": 2}
        elif kind == "played":
            fields = {"sequence": sequence, "steps": [{"position": 2, "seconds": 40}]}
        elif kind == "poses":
            fields["steps"] = [{"pose": pose.slug, "seconds": 30, "side": "left"} for pose in poses]
        services.record_practice(
            user=user,
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            duration_seconds=minutes * 60,
            client_id=uuid.uuid4() if with_id else None,
            mood_before=moods[0],
            mood_after=moods[1],
            energy_before=moods[2],
            energy_after=moods[3],
            notes=notes.replace("\x00", ""),
            **fields,
        )
    if sequence_gone:
        delete_sequence(user=user, sequence=sequence)

    sessions = history_of(user)
    assert JSONRenderer().render(session_rows(sessions)) == as_serializer_answers(sessions)


def test_the_list_answers_the_serializers_rows_in_its_page(auth_api_client, user):
    sequence = SequenceFactory(poses=2)
    start = datetime(2026, 3, 1, 7, 5, 9, 5, tzinfo=UTC)
    for n in range(3):
        services.record_practice(
            user=user,
            sequence=sequence,
            started_at=start + timedelta(days=n),
            ended_at=start + timedelta(days=n, minutes=10),
            duration_seconds=600,
            steps=[{"position": 1, "seconds": 60}],
            notes="line\\nbreak \u2028 é",
        )

    response = auth_api_client.get(SESSIONS)

    assert response.status_code == 200
    rows = as_serializer_answers(history_of(user))
    assert response.content.endswith(b'"results":' + rows + b"}")
    assert response.json()["count"] == 3


def test_a_recorded_session_and_its_badges_are_the_serializers_answer(auth_api_client, user):
    sequence = SequenceFactory(poses=2)
    start = datetime.now(UTC) - timedelta(hours=2, microseconds=7)
    result = services.record_practice(
        user=user,
        sequence=sequence,
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        duration_seconds=600,
        client_id=uuid.uuid4(),
        steps=[{"position": 2, "seconds": 90, "side": "right"}],
        notes="Ünïcode  ",
    )
    assert result.awarded  # the first practice earns a badge
    result.session.awarded = result.awarded
    expected = JSONRenderer().render(RecordedSessionSerializer(result.session).data)

    assert JSONRenderer().render(recorded_row(result.session, result.awarded)) == expected
    detail = auth_api_client.get(f"{SESSIONS}/{result.session.pk}")
    assert (
        detail.content
        == as_serializer_answers([selectors.own_session(user, result.session.pk)])[1:-1]
    )


def test_the_record_answer_is_the_serializers_answer(auth_api_client, user):
    start = datetime.now(UTC) - timedelta(hours=1)
    body = {
        "client_id": str(uuid.uuid4()),
        "title": "Evening class",
        "style": "yin",
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=30)).isoformat(),
        "duration_seconds": 1800,
        "mood_after": 4,
    }

    first = auth_api_client.post(SESSIONS, body, format="json")
    again = auth_api_client.post(SESSIONS, body, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    session = selectors.own_session(user, first.json()["id"])
    # The badges it earned, in the order they are evaluated (the badges' display order).
    awards = user.achievements.filter(session=session).select_related("achievement")
    awards = awards.order_by(
        "achievement__sort_order", "achievement__threshold", "achievement__code"
    )
    session.awarded = [award.achievement for award in awards]
    assert first.content == JSONRenderer().render(RecordedSessionSerializer(session).data)
    session.awarded = []
    assert again.content == JSONRenderer().render(RecordedSessionSerializer(session).data)
