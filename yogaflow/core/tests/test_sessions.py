"""The session store reads its row by plain SQL: the same answers as Django's database store."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from yogaflow.core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _saved(**data) -> str:
    store = SessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_it_reads_back_what_was_saved_in_one_query():
    key = _saved(_auth_user_id="7", note="namaste")

    store = SessionStore(key)
    with CaptureQueriesContext(connection) as queries:
        assert store["_auth_user_id"] == "7"
        assert store["note"] == "namaste"
    assert len(queries.captured_queries) == 1
    assert store.session_key == key
    assert store.load() == DjangoSessionStore(key).load()


def test_an_expired_session_is_empty_and_its_key_forgotten():
    key = _saved(_auth_user_id="7")
    expired = timezone.now() - timedelta(seconds=1)
    Session.objects.filter(session_key=key).update(expire_date=expired)

    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None


def test_an_unknown_key_is_empty_and_forgotten():
    store = SessionStore("a" * 32)
    assert store.load() == {}
    assert store.session_key is None


def test_a_session_seconds_from_expiry_is_still_read():
    key = _saved(note="still here")
    soon = timezone.now() + timedelta(seconds=5)
    Session.objects.filter(session_key=key).update(expire_date=soon)

    assert SessionStore(key).load() == {"note": "still here"}
