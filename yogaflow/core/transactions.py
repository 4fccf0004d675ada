"""One transaction per request that may write: all of it, or nothing when the answer is an error.

Services already wrap their own multi-row writes in `transaction.atomic`; this covers what
happens around them in a request — a service that committed and then a signal receiver, a
serializer or a template failing after it, a 503 when a dependency fails midway. With the
whole view inside one transaction, an answer of 400 or more (including the 500 and 503 the
error handlers make from an exception) rolls back everything the request wrote. Callbacks
registered with `transaction.on_commit` (cache invalidation) run only when it commits.

Safe methods (GET, HEAD, OPTIONS) run without it: they write nothing, and on SQLite an
immediate transaction per page view would queue every reader behind the writer. A request
handled inside a transaction that is already open (a test's, which rolls back at its end)
belongs to that one and gets no savepoint of its own.
"""

from django.db import connection, transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    """Place last in MIDDLEWARE, so the view and the rendering of its answer are inside."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS or connection.in_atomic_block:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response
