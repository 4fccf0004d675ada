import pytest

from poses.tests.factories import PoseFactory
from yogaflow.core.caching import bump_library_version, library_version
from yogaflow.tests import cache_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("yogaflow.tests.cache_urls")]


@pytest.fixture(autouse=True)
def _reset_calls():
    cache_urls.CALLS.clear()


def test_anonymous_gets_are_rendered_once_then_served_from_the_cache(client):
    first = client.get("/counted/?page=2")
    second = client.get("/counted/?page=2")

    assert first.content == second.content == b"rendered 1"
    assert cache_urls.CALLS == ["/counted/?page=2"]
    assert first["ETag"] == second["ETag"]
    assert "private" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]


def test_each_query_string_is_its_own_entry(client):
    client.get("/counted/?q=tree")
    client.get("/counted/?q=crow")
    assert len(cache_urls.CALLS) == 2


def test_matching_if_none_match_answers_304_without_rendering(client):
    etag = client.get("/counted/")["ETag"]

    response = client.get("/counted/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert len(cache_urls.CALLS) == 1


def test_a_library_change_invalidates_pages_and_etags(client, django_capture_on_commit_callbacks):
    before = client.get("/counted/")
    with django_capture_on_commit_callbacks(execute=True):
        PoseFactory()  # any pose, sequence or favorite write bumps the version, once committed

    after = client.get("/counted/", HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert len(cache_urls.CALLS) == 2


def test_bump_increments_the_version_once_the_change_commits(django_capture_on_commit_callbacks):
    version = library_version()
    with django_capture_on_commit_callbacks(execute=True):
        bump_library_version()
        assert library_version() == version  # a reader in between caches under the old one
    assert library_version() == version + 1


def test_signed_in_visitors_are_never_served_the_shared_copy(client, user):
    client.get("/counted/")
    client.force_login(user)

    response = client.get("/counted/")

    assert response.content == b"rendered 2"
    assert "ETag" not in response


def test_api_calls_with_a_token_bypass_the_cache(client):
    client.get("/counted/")
    response = client.get("/counted/", HTTP_AUTHORIZATION="Bearer abc")
    assert response.content == b"rendered 2"


def test_pages_with_a_csrf_token_are_not_cached(client):
    client.get("/form/")
    client.get("/form/")
    assert cache_urls.CALLS == ["form", "form"]


def test_pages_with_pending_flash_messages_are_not_cached(client):
    client.get("/counted/")
    client.get("/flash/")  # queues a message for the next page

    response = client.get("/counted/")

    assert response.content == b"rendered 2"


def test_an_author_renaming_themselves_invalidates_but_a_login_does_not(
    user, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import update_last_login

    from accounts.services import update_profile

    version = library_version()
    with django_capture_on_commit_callbacks(execute=True):
        update_last_login(None, user)
    assert library_version() == version

    with django_capture_on_commit_callbacks(execute=True):
        update_profile(user=user, display_name="Renamed")
    assert library_version() == version + 1
