"""Assertions on the API's answers, shared by every app's API tests."""

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
