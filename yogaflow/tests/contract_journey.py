"""The mobile journey, written against a client generated from the live schema (issue 18).

Imported only by yogaflow/tests/test_contract.py, after it has generated `yogaflow_client` with
openapi-python-client into a temporary folder; that test also runs `mypy --strict` on this file,
so every call here must type-check against the generated signatures: a plain `Client` where a
token is optional, an `AuthenticatedClient` where one is needed.

Each answer must have the status the journey expects, parse into the documented type (a
missing or mistyped field fails in `from_dict`), and carry no field the schema leaves out
(`additional_properties` stays empty). Any drift between schema and server fails here.
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, TypeVar

import attrs
from yogaflow_client import AuthenticatedClient, Client
from yogaflow_client.api.achievements import achievements_list
from yogaflow_client.api.auth import (
    auth_login,
    auth_logout,
    auth_me_delete,
    auth_me_export,
    auth_me_partial_update,
    auth_me_retrieve,
    auth_me_sessions_csv,
    auth_password_change,
    auth_password_reset,
    auth_password_reset_confirm,
    auth_refresh,
    auth_register,
)
from yogaflow_client.api.favorites import (
    favorites_list,
    sequences_favorite_add,
    sequences_favorite_remove,
)
from yogaflow_client.api.poses import poses_list, poses_retrieve
from yogaflow_client.api.ratings import poses_rating_clear, poses_rating_set, poses_ratings_list
from yogaflow_client.api.sequences import (
    sequences_checks,
    sequences_create,
    sequences_destroy,
    sequences_duplicate,
    sequences_generate,
    sequences_list,
    sequences_partial_update,
    sequences_retrieve,
    sequences_update,
)
from yogaflow_client.api.sessions import (
    sessions_create,
    sessions_destroy,
    sessions_list,
    sessions_partial_update,
    sessions_retrieve,
)
from yogaflow_client.api.stats import stats_retrieve
from yogaflow_client.models import (
    AuthSession,
    AvoidanceEnum,
    Badge,
    DeleteAccountRequest,
    Error,
    Export,
    FocusEnum,
    GeneratedPractice,
    GeneratedPracticeRequest,
    GenerateRequest,
    LevelEnum,
    LoginRequest,
    LogoutRequest,
    Message,
    PaginatedPoseRatingList,
    PaginatedPoseSummaryList,
    PaginatedSequenceList,
    PaginatedSessionList,
    PasswordChangeRequest,
    PasswordResetConfirmRequest,
    PasswordResetRequest,
    PatchedSequenceWriteRequest,
    PatchedSessionFeelingsRequest,
    PatchedUserRequest,
    Pose,
    PosesListDifficulty,
    PosesListKind,
    Rating,
    RatingEnum,
    RatingWriteRequest,
    RecordedSession,
    RefreshRequest,
    RegisterRequest,
    RegisterSession,
    SequenceChecks,
    SequenceDetail,
    SequenceItemInputRequest,
    SequencesListScope,
    SequencesListSort,
    SequencesListStyle,
    SequenceWriteRequest,
    Session,
    SessionRecordRequest,
    SessionsListStyle,
    SideEnum,
    Stats,
    StyleEnum,
    TokenPair,
    User,
    VisibilityEnum,
)
from yogaflow_client.types import Response

T = TypeVar("T")


@dataclass
class Journey:
    """What the journey did, for the test to check against the database."""

    calls: int = 0
    email: str = ""


def undocumented_fields(value: object, where: str = "body") -> list[str]:
    """Fields of a parsed answer that the schema does not declare, anywhere inside it.

    Models of open objects keep unknown fields in `additional_properties: dict[str, Any]`;
    maps the schema declares (a figure's angles) type theirs, and are not counted.
    """
    found = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += undocumented_fields(item, f"{where}[{index}]")
        return found
    model = type(value)
    if not attrs.has(model):  # a scalar, an enum member, UNSET
        return found
    extras = getattr(value, "additional_properties", None)
    annotation = str(model.__annotations__.get("additional_properties", ""))
    if extras and "Any" in annotation:
        found.append(f"{where} ({model.__name__}): {sorted(extras)}")
    for field in attrs.fields(model):
        if field.name != "additional_properties":
            found += undocumented_fields(getattr(value, field.name), f"{where}.{field.name}")
    return found


class Caller:
    """Sends calls through the generated client and holds each answer to the schema."""

    def __init__(self, base_url: str, journey: Journey) -> None:
        self.base_url = base_url
        self.journey = journey
        # An answer the schema does not list raises errors.UnexpectedStatus.
        self.anonymous = Client(base_url=base_url, raise_on_unexpected_status=True)

    def signed_in(self, access: str) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=self.base_url, token=access, raise_on_unexpected_status=True
        )

    def expect(self, response: Response[Any], status: HTTPStatus, kind: type[T]) -> T:
        self.journey.calls += 1
        parsed = response.parsed
        assert response.status_code == status, (status, response.status_code, response.content)
        assert isinstance(parsed, kind), (kind, parsed, response.content)
        assert not undocumented_fields(parsed), undocumented_fields(parsed)
        return parsed

    def expect_list(self, response: Response[Any], kind: type[T]) -> list[T]:
        self.journey.calls += 1
        parsed = response.parsed
        assert response.status_code == HTTPStatus.OK, (response.status_code, response.content)
        assert isinstance(parsed, list), response.content
        items = [item for item in parsed if isinstance(item, kind)]
        assert len(items) == len(parsed), response.content
        assert not undocumented_fields(items), undocumented_fields(items)
        return items

    def expect_empty(self, response: Response[Any], status: HTTPStatus) -> None:
        self.journey.calls += 1
        assert response.status_code == status, (status, response.status_code, response.content)
        assert response.parsed is None and response.content == b""


def _etag(response: Response[Any]) -> str:
    etag = response.headers.get("ETag")
    assert etag, "a library read without a token carries an ETag"
    return etag


def browse_signed_out(call: Caller) -> tuple[PaginatedPoseSummaryList, SequenceDetail]:
    """The library, filtered, read and revalidated (304), without an account."""
    anonymous = call.anonymous
    first = poses_list.sync_detailed(
        client=anonymous, difficulty=PosesListDifficulty.BEGINNER, kind=PosesListKind.ASANA
    )
    poses = call.expect(first, HTTPStatus.OK, PaginatedPoseSummaryList)
    assert poses.results and all(pose.difficulty == LevelEnum.BEGINNER for pose in poses.results)
    again = poses_list.sync_detailed(
        client=anonymous,
        difficulty=PosesListDifficulty.BEGINNER,
        kind=PosesListKind.ASANA,
        if_none_match=_etag(first),
    )
    call.expect_empty(again, HTTPStatus.NOT_MODIFIED)

    slug = poses.results[0].slug
    pose = call.expect(poses_retrieve.sync_detailed(slug, client=anonymous), HTTPStatus.OK, Pose)
    assert pose.instructions

    listed = sequences_list.sync_detailed(
        client=anonymous,
        scope=SequencesListScope.CURATED,
        style=SequencesListStyle.HATHA,
        max_minutes=90,
        sort=SequencesListSort.SHORTEST,
    )
    catalogue = call.expect(listed, HTTPStatus.OK, PaginatedSequenceList)
    assert catalogue.results, "the curated library has hatha sequences"
    sequence_slug = catalogue.results[0].slug
    detail_response = sequences_retrieve.sync_detailed(sequence_slug, client=anonymous)
    detail = call.expect(detail_response, HTTPStatus.OK, SequenceDetail)
    revalidated = sequences_retrieve.sync_detailed(
        sequence_slug, client=anonymous, if_none_match=_etag(detail_response)
    )
    call.expect_empty(revalidated, HTTPStatus.NOT_MODIFIED)
    checks = sequences_checks.sync_detailed(sequence_slug, client=anonymous)
    call.expect(checks, HTTPStatus.OK, SequenceChecks)

    generated = sequences_generate.sync_detailed(
        client=anonymous,
        body=GenerateRequest(minutes=20, level=LevelEnum.BEGINNER, style=StyleEnum.HATHA),
    )
    practice = call.expect(generated, HTTPStatus.OK, GeneratedPractice)
    assert practice.level == LevelEnum.BEGINNER and practice.style == StyleEnum.HATHA

    reset = auth_password_reset.sync_detailed(
        client=anonymous, body=PasswordResetRequest(email="nobody@example.com")
    )
    call.expect(reset, HTTPStatus.ACCEPTED, Message)
    return poses, detail


def sign_up_and_in(call: Caller, email: str, password: str) -> tuple[str, str]:
    """Register, log in remembered, rotate the refresh token: (access, refresh)."""
    registered = auth_register.sync_detailed(
        client=call.anonymous,
        body=RegisterRequest(
            email=email,
            password=password,
            display_name="Mobile Ada",
            experience_level=LevelEnum.BEGINNER,
            timezone="Europe/Paris",
            preferred_session_minutes=20,
        ),
    )
    session = call.expect(registered, HTTPStatus.CREATED, RegisterSession)
    assert session.user.email == email

    wrong = auth_login.sync_detailed(
        client=call.anonymous, body=LoginRequest(email=email, password=password + "x")
    )
    call.expect(wrong, HTTPStatus.UNAUTHORIZED, Error)
    login = auth_login.sync_detailed(
        client=call.anonymous, body=LoginRequest(email=email, password=password, remember_me=True)
    )
    logged_in = call.expect(login, HTTPStatus.OK, AuthSession)
    assert isinstance(logged_in.refresh, str)

    rotated = auth_refresh.sync_detailed(
        client=call.anonymous, body=RefreshRequest(refresh=logged_in.refresh)
    )
    pair = call.expect(rotated, HTTPStatus.OK, TokenPair)
    replayed = auth_refresh.sync_detailed(
        client=call.anonymous, body=RefreshRequest(refresh=logged_in.refresh)
    )
    call.expect(replayed, HTTPStatus.UNAUTHORIZED, Error)
    return pair.access, pair.refresh


def profile(call: Caller, client: AuthenticatedClient) -> None:
    me = call.expect(auth_me_retrieve.sync_detailed(client=client), HTTPStatus.OK, User)
    assert me.timezone == "Europe/Paris"
    changed = auth_me_partial_update.sync_detailed(
        client=client,
        body=PatchedUserRequest(avoid=[AvoidanceEnum.NO_INVERSIONS], preferred_session_minutes=30),
    )
    user = call.expect(changed, HTTPStatus.OK, User)
    assert user.avoid == [AvoidanceEnum.NO_INVERSIONS]


def own_sequences(
    call: Caller, client: AuthenticatedClient, poses: PaginatedPoseSummaryList
) -> SequenceDetail:
    """Generate and save a practice; create, change, copy and delete a sequence of one's own."""
    generated = sequences_generate.sync_detailed(
        client=client,
        body=GenerateRequest(
            minutes=15, level=LevelEnum.BEGINNER, style=StyleEnum.HATHA, focus=[FocusEnum.HIPS]
        ),
    )
    practice = call.expect(generated, HTTPStatus.OK, GeneratedPractice)
    assert practice.avoid == [AvoidanceEnum.NO_INVERSIONS], "the profile's avoid list counts"
    # The answer's `sequence` is the create body as it is: no conversion.
    saved_response = sequences_create.sync_detailed(client=client, body=practice.sequence)
    saved = call.expect(saved_response, HTTPStatus.CREATED, SequenceDetail)
    assert saved.visibility == VisibilityEnum.PRIVATE

    items = [
        SequenceItemInputRequest(pose=pose.id, duration_seconds=30, side=SideEnum.BOTH)
        for pose in poses.results[:3]
    ]
    body = SequenceWriteRequest(
        title="Morning on the mat",
        difficulty=LevelEnum.BEGINNER,
        focus=FocusEnum.FULL_BODY,
        style=StyleEnum.HATHA,
        poses=items,
        description="Three poses to wake up.",
    )
    created_response = sequences_create.sync_detailed(client=client, body=body)
    created = call.expect(created_response, HTTPStatus.CREATED, SequenceDetail)
    renamed = sequences_partial_update.sync_detailed(
        created.slug, client=client, body=PatchedSequenceWriteRequest(title="Morning flow")
    )
    assert call.expect(renamed, HTTPStatus.OK, SequenceDetail).title == "Morning flow"
    body.visibility = VisibilityEnum.PUBLIC
    replaced = sequences_update.sync_detailed(created.slug, client=client, body=body)
    assert call.expect(replaced, HTTPStatus.OK, SequenceDetail).visibility == VisibilityEnum.PUBLIC
    copy = sequences_duplicate.sync_detailed(created.slug, client=client)
    duplicate = call.expect(copy, HTTPStatus.CREATED, SequenceDetail)
    call.expect_empty(
        sequences_destroy.sync_detailed(duplicate.slug, client=client), HTTPStatus.NO_CONTENT
    )
    gone = sequences_retrieve.sync_detailed(duplicate.slug, client=client)
    call.expect(gone, HTTPStatus.NOT_FOUND, Error)
    mine = sequences_list.sync_detailed(client=client, scope=SequencesListScope.MINE)
    assert call.expect(mine, HTTPStatus.OK, PaginatedSequenceList).count == 2
    return saved


def favorites_and_ratings(
    call: Caller, client: AuthenticatedClient, sequence: SequenceDetail, pose_slug: str
) -> None:
    added = sequences_favorite_add.sync_detailed(sequence.slug, client=client)
    call.expect_empty(added, HTTPStatus.NO_CONTENT)
    listed = call.expect(
        favorites_list.sync_detailed(client=client), HTTPStatus.OK, PaginatedSequenceList
    )
    assert [item.slug for item in listed.results] == [sequence.slug]
    removed = sequences_favorite_remove.sync_detailed(sequence.slug, client=client)
    call.expect_empty(removed, HTTPStatus.NO_CONTENT)
    call.expect_empty(
        sequences_favorite_add.sync_detailed(sequence.slug, client=client), HTTPStatus.NO_CONTENT
    )

    rated = poses_rating_set.sync_detailed(
        pose_slug, client=client, body=RatingWriteRequest(rating=RatingEnum.UP)
    )
    assert call.expect(rated, HTTPStatus.OK, Rating).rating == RatingEnum.UP
    ratings = poses_ratings_list.sync_detailed(client=client)
    assert call.expect(ratings, HTTPStatus.OK, PaginatedPoseRatingList).count == 1
    cleared = poses_rating_clear.sync_detailed(pose_slug, client=client)
    call.expect_empty(cleared, HTTPStatus.NO_CONTENT)
    rated = poses_rating_set.sync_detailed(
        pose_slug, client=client, body=RatingWriteRequest(rating=RatingEnum.DOWN)
    )
    call.expect(rated, HTTPStatus.OK, Rating)


def practise(call: Caller, client: AuthenticatedClient, sequence: SequenceDetail) -> None:
    """Record a saved practice (and its retry) and an unsaved generated one; read them back."""
    ended = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    started = ended - datetime.timedelta(minutes=20)
    record = SessionRecordRequest(
        client_id=uuid.uuid4(),
        sequence=sequence.slug,
        started_at=started,
        ended_at=ended,
        duration_seconds=sequence.total_duration_seconds,
        completed=True,
        poses_completed=sequence.pose_count,
        mood_before=2,
        mood_after=4,
    )
    first = call.expect(
        sessions_create.sync_detailed(client=client, body=record),
        HTTPStatus.CREATED,
        RecordedSession,
    )
    assert [award.code for award in first.awarded], "a first practice earns a badge"
    retry = sessions_create.sync_detailed(client=client, body=record)
    assert call.expect(retry, HTTPStatus.OK, RecordedSession).id == first.id

    generated = call.expect(
        sequences_generate.sync_detailed(
            client=client,
            body=GenerateRequest(minutes=10, level=LevelEnum.BEGINNER, style=StyleEnum.YIN),
        ),
        HTTPStatus.OK,
        GeneratedPractice,
    )
    unsaved = SessionRecordRequest(
        generated=GeneratedPracticeRequest(
            minutes=generated.minutes,
            level=generated.level,
            style=generated.style,
            seed=generated.seed,
            focus=generated.focus,
            avoid=generated.avoid,
        ),
        # The server picks the seed, and a 10-minute practice may plan up to a tenth more:
        # the end follows the planned time, never a guess of it.
        started_at=started - datetime.timedelta(hours=2),
        ended_at=started
        - datetime.timedelta(hours=2)
        + datetime.timedelta(seconds=generated.total_duration_seconds),
        duration_seconds=generated.total_duration_seconds,
        completed=True,
    )
    created = sessions_create.sync_detailed(client=client, body=unsaved)
    call.expect(created, HTTPStatus.CREATED, RecordedSession)

    today = ended.date()
    history = sessions_list.sync_detailed(
        client=client,
        date_from=today - datetime.timedelta(days=1),
        date_to=today + datetime.timedelta(days=1),
    )
    assert call.expect(history, HTTPStatus.OK, PaginatedSessionList).count == 2
    yin = sessions_list.sync_detailed(client=client, style=SessionsListStyle.YIN)
    assert call.expect(yin, HTTPStatus.OK, PaginatedSessionList).count == 1
    call.expect(sessions_retrieve.sync_detailed(first.id, client=client), HTTPStatus.OK, Session)
    noted = sessions_partial_update.sync_detailed(
        first.id, client=client, body=PatchedSessionFeelingsRequest(notes="Hips open.")
    )
    assert call.expect(noted, HTTPStatus.OK, Session).notes == "Hips open."
    extra = sessions_create.sync_detailed(
        client=client,
        body=SessionRecordRequest(
            title="Breathing on the train",
            started_at=started - datetime.timedelta(hours=5),
            ended_at=started - datetime.timedelta(hours=5) + datetime.timedelta(minutes=5),
            duration_seconds=300,
        ),
    )
    logged = call.expect(extra, HTTPStatus.CREATED, RecordedSession)
    call.expect_empty(
        sessions_destroy.sync_detailed(logged.id, client=client), HTTPStatus.NO_CONTENT
    )

    stats = call.expect(stats_retrieve.sync_detailed(client=client), HTTPStatus.OK, Stats)
    assert stats.total_sessions == 2
    badges = call.expect_list(achievements_list.sync_detailed(client=client), Badge)
    assert any(badge.earned for badge in badges)


def take_data_away(call: Caller, client: AuthenticatedClient) -> None:
    export = call.expect(auth_me_export.sync_detailed(client=client), HTTPStatus.OK, Export)
    assert len(export.practice_sessions) == 2 and len(export.sequences) == 2
    assert export.favorites and export.pose_ratings and export.achievements
    # The reminder settings as the journey left them: never changed, so the defaults.
    profile = export.profile
    assert (profile.reminders_enabled, profile.reminder_time) == (False, "07:00")
    assert len(profile.reminder_days) == 7
    csv = call.expect(auth_me_sessions_csv.sync_detailed(client=client), HTTPStatus.OK, str)
    assert csv.count("\n") == 3  # the header and two sessions


def run(
    base_url: str, *, email: str, password: str, reset_link: Callable[[str], tuple[str, str]]
) -> Journey:
    """The whole mobile journey against the server at `base_url` (an origin: http://host:port).

    `reset_link(email)` reads the last password-reset mail sent there: its (uid, token).
    """
    journey = Journey(email=email)
    call = Caller(base_url, journey)

    poses, curated = browse_signed_out(call)
    access, refresh = sign_up_and_in(call, email, password)
    client = call.signed_in(access)
    profile(call, client)
    saved = own_sequences(call, client, poses)
    favorites_and_ratings(call, client, saved, poses.results[-1].slug)
    practise(call, client, saved)
    take_data_away(call, client)
    signed_in_read = sequences_retrieve.sync_detailed(curated.slug, client=client)
    call.expect(signed_in_read, HTTPStatus.OK, SequenceDetail)

    # A new password: every older token dies.
    new_password = password + "-2"
    changed = auth_password_change.sync_detailed(
        client=client,
        body=PasswordChangeRequest(current_password=password, new_password=new_password),
    )
    call.expect_empty(changed, HTTPStatus.NO_CONTENT)
    call.expect(auth_me_retrieve.sync_detailed(client=client), HTTPStatus.UNAUTHORIZED, Error)
    stale = auth_refresh.sync_detailed(client=call.anonymous, body=RefreshRequest(refresh=refresh))
    call.expect(stale, HTTPStatus.UNAUTHORIZED, Error)

    # Log out: the access token and the device's refresh token die.
    login = auth_login.sync_detailed(
        client=call.anonymous,
        body=LoginRequest(email=email, password=new_password, remember_me=True),
    )
    session = call.expect(login, HTTPStatus.OK, AuthSession)
    assert session.refresh is not None
    client = call.signed_in(session.access)
    out = auth_logout.sync_detailed(client=client, body=LogoutRequest(refresh=session.refresh))
    call.expect_empty(out, HTTPStatus.NO_CONTENT)
    call.expect(auth_me_retrieve.sync_detailed(client=client), HTTPStatus.UNAUTHORIZED, Error)
    dead = auth_refresh.sync_detailed(
        client=call.anonymous, body=RefreshRequest(refresh=session.refresh)
    )
    call.expect(dead, HTTPStatus.UNAUTHORIZED, Error)

    # A forgotten password, signed out: the emailed link sets a new one, once.
    asked = auth_password_reset.sync_detailed(
        client=call.anonymous, body=PasswordResetRequest(email=email)
    )
    call.expect(asked, HTTPStatus.ACCEPTED, Message)
    uid, token = reset_link(email)
    new_password = password + "-3"
    confirm = PasswordResetConfirmRequest(uid=uid, token=token, new_password=new_password)
    confirmed = auth_password_reset_confirm.sync_detailed(client=call.anonymous, body=confirm)
    call.expect_empty(confirmed, HTTPStatus.NO_CONTENT)
    spent = auth_password_reset_confirm.sync_detailed(client=call.anonymous, body=confirm)
    call.expect(spent, HTTPStatus.BAD_REQUEST, Error)

    # Delete the account: it cannot log in again.
    login = auth_login.sync_detailed(
        client=call.anonymous, body=LoginRequest(email=email, password=new_password)
    )
    client = call.signed_in(call.expect(login, HTTPStatus.OK, AuthSession).access)
    deleted = auth_me_delete.sync_detailed(
        client=client, body=DeleteAccountRequest(password=new_password)
    )
    call.expect_empty(deleted, HTTPStatus.NO_CONTENT)
    again = auth_login.sync_detailed(
        client=call.anonymous, body=LoginRequest(email=email, password=new_password)
    )
    call.expect(again, HTTPStatus.UNAUTHORIZED, Error)
    return journey
