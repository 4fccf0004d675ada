"""Assertions on the API's answers, shared by every app's API tests."""

from yogaflow.core import caching

# The keys of the one error shape every API error answers with (DESIGN.md §4).
ERROR_KEYS = frozenset({"error", "message", "detail"})


def assert_error(response, status: int, *loc) -> dict:
    """The answer has `status` and the error shape; if `loc` parts are given (`"body", "email"`),
    that location is among the detail's. Returns the body."""
    assert response.status_code == status, response.content[:500]
    body = response.json()
    assert set(body) == ERROR_KEYS, body
    if loc:
        assert list(loc) in [item["loc"] for item in body["detail"]], body
    return body


def assert_same_answers(monkeypatch, client, path, *, answered_before, **headers):
    """GET `path` now and with `answered_before(monkeypatch)` (a context manager that puts back
    the code a faster one replaced): the same status, headers (ETag included) and body, byte
    for byte, each computed afresh (the anonymous page cache always misses; the library
    version, which the ETag is made of, stays). Returns the answer of now."""
    monkeypatch.setattr(caching, "cache_get", lambda key: None)
    now = client.get(path, **headers)
    with answered_before(monkeypatch):
        before = client.get(path, **headers)
    assert now.status_code == before.status_code
    assert dict(now.headers) == dict(before.headers)
    assert now.content == before.content
    return now
