"""Error reports to Sentry, switched on by `SENTRY_DSN` (off without it).

What leaves the process is scrubbed by the same rule as the logs (`yogaflow.logs.scrub`):
passwords, tokens, JSON web tokens, password-reset links, Authorization headers and cookies
never reach Sentry, whatever part of an event (request, local variables, breadcrumbs, log
messages) carries them. Personal data stays off (the SDK's default), so the SDK itself leaves out
cookies, users' addresses and bodies it would otherwise attach.
"""

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

from yogaflow.logs import scrub


def before_send(event: dict, hint: dict | None = None) -> dict:
    """Sentry's `before_send` (and `before_send_transaction`): the event, scrubbed.

    Keys that name a secret (password, token, authorization, cookies, ...) lose their value
    whole; strings anywhere lose JWTs, reset links and secret query parameters (a request's
    `query_string` included: "token=...&uid=...").
    """
    return scrub(event)


def before_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    """Breadcrumbs (log lines, SQL, HTTP calls) follow the same rule."""
    return scrub(crumb)


def init_sentry(
    *,
    dsn: str,
    environment: str = "production",
    release: str | None = None,
    traces_sample_rate: float = 0.0,
    transport: Any = None,
) -> None:
    """Start the SDK for this process. `transport` replaces the network one (tests)."""
    options: dict[str, Any] = {
        "dsn": dsn,
        "environment": environment,
        "release": release,
        "traces_sample_rate": traces_sample_rate,
        "max_request_body_size": "small",
        "before_send": before_send,
        "before_send_transaction": before_send,
        "before_breadcrumb": before_breadcrumb,
        "integrations": [DjangoIntegration(), LoggingIntegration()],
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
