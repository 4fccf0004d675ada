"""Property-based fuzzing of every operation in the OpenAPI schema with schemathesis.

For each operation schemathesis sends schema-valid and schema-breaking
requests and checks the answers: never a 5xx, only documented statuses,
bodies and headers that match the schema, breaking input refused with a 4xx,
and token-protected operations refusing calls without a token.

Schema-valid requests are aimed at real objects — a seeded pose and
sequence, published pose ids, a real image — so the success paths are
fuzzed too, not only 404s; staff-only operations are called with a staff
token.
"""

import io
from types import SimpleNamespace

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from PIL import Image
from schemathesis.checks import positive_data_acceptance

from accounts.api.tokens import AccessToken
from poses.models import Pose
from poses.tests.factories import PoseFactory
from practice.models import PracticeSession
from practice.tests.factories import PracticeSessionFactory
from sequences.models import Sequence
from sequences.tests.factories import SequenceFactory
from yogaflow.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
# Unknown query parameters are ignored, as HTTP APIs do (cache busters, tracking
# tags), so an extra one is not "schema-breaking input" that must be refused.
schema.config.generation.update(allow_extra_parameters=False)

# Operations where a schema-valid request may still be refused with 400 by a
# business rule no schema can state (token validity, password rules, an
# address already taken, an IANA zone name, the current password). Elsewhere
# schemathesis also insists that schema-valid input is accepted.
BUSINESS_RULES_ANSWER_400 = {
    # a refresh "token" of whitespace; a NUL character in a password (DRF refuses both)
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/register",
    "POST /api/v1/auth/logout",
    "PATCH /api/v1/auth/me",
    "DELETE /api/v1/auth/me",  # the password is checked against the account's
    "POST /api/v1/auth/password/change",
    "POST /api/v1/auth/password-reset/confirm",
    # "from" after "to" (min_minutes > max_minutes)
    "GET /api/v1/sequences",
    # a slug already taken, an empty instruction list, an unknown image format
    "POST /api/v1/poses",
    "PATCH /api/v1/poses/{slug}",
    "POST /api/v1/poses/{slug}/image",
    # positions repeated or missing, more than MAX_POSES_PER_SEQUENCE poses, unpublished poses
    "POST /api/v1/sequences",
    "PUT /api/v1/sequences/{slug}",
    "PATCH /api/v1/sequences/{slug}",
    # more than 3 focus areas, an unknown pose to avoid, an avoid list leaving too few poses
    "POST /api/v1/sequences/generate",
    # a date that is not YYYY-MM-DD, "from" after "to"
    "GET /api/v1/sessions",
    # a start in the future, more practice than the wall time, more poses than the sequence
    "POST /api/v1/sessions",
    # a NUL character in the notes
    "PATCH /api/v1/sessions/{id}",
}
STAFF_ONLY = {
    "POST /api/v1/poses",
    "PATCH /api/v1/poses/{slug}",
    "POST /api/v1/poses/{slug}/image",
    "DELETE /api/v1/poses/{slug}/image",
}


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # As Django's test client does: closing "old" connections at the end of a
    # request would close the test transaction under the next call.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def library(db, settings, tmp_path, user):
    """A few published poses (ids for sequence writes) and a pose image stored out of the repo."""
    settings.MEDIA_ROOT = tmp_path
    poses = PoseFactory.create_batch(3)
    buffer = io.BytesIO()
    Image.new("RGB", (240, 240), (90, 140, 120)).save(buffer, "PNG")
    return SimpleNamespace(pose_ids=[pose.pk for pose in poses], png=buffer.getvalue())


def _real_targets(user, library) -> dict:
    """Slugs that exist for this example (an earlier one may have deleted or renamed them)."""
    if not Sequence.objects.filter(slug="fuzz-flow").exists():
        SequenceFactory(slug="fuzz-flow", author=user, poses=0)
    if not Pose.objects.filter(slug="fuzz-pose").exists():
        PoseFactory(slug="fuzz-pose")
    return {"/api/v1/poses": "fuzz-pose", "/api/v1/sequences": "fuzz-flow"}


def _real_session(user) -> int:
    """One of the caller's sessions (an earlier example may have deleted it)."""
    session = PracticeSession.objects.filter(user=user).first()
    return (session or PracticeSessionFactory(user=user)).pk


def _aim_at_real_objects(case, user, library) -> None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return  # schema-breaking input stays exactly as generated
    if case.operation.path == "/api/v1/sessions/{id}":
        case.path_parameters["id"] = _real_session(user)
    if "slug" in case.path_parameters:
        targets = _real_targets(user, library)
        prefix = next(prefix for prefix in targets if case.operation.path.startswith(prefix))
        case.path_parameters["slug"] = targets[prefix]
    body = case.body if isinstance(case.body, dict) else {}
    if case.operation.label == "POST /api/v1/poses/{slug}/image" and "image" in body:
        body["image"] = library.png
    for item in body.get("poses") or []:
        pose = item.get("pose") if isinstance(item, dict) else None
        if isinstance(pose, int) and not isinstance(pose, bool):
            item["pose"] = library.pose_ids[pose % len(library.pose_ids)]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, user, staff_user, library):
    # Each example starts with fresh rate-limit and lockout counters and a live
    # token (an earlier example may have logged it out).
    cache.clear()
    _aim_at_real_objects(case, user, library)
    caller = staff_user if case.operation.label in STAFF_ONLY else user
    excluded = (
        [positive_data_acceptance] if case.operation.label in BUSINESS_RULES_ANSWER_400 else []
    )
    case.call_and_validate(
        headers={"Authorization": f"Bearer {AccessToken.for_user(caller)}"},
        excluded_checks=excluded,
    )
