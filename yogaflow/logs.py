"""Structured logging: JSON lines in production, readable lines in development.

Everything, Django's own loggers included, goes through structlog's processors,
and the last one before rendering strips secrets: passwords, JSON web tokens,
password-reset links and authorization headers never reach a log line.
"""

import logging
import re
import time
from typing import Any

import structlog

REDACTED = "[redacted]"
SENSITIVE_KEY = re.compile(
    r"pass(word)?|secret|token|access|refresh|authorization|cookie|csrf|uid", re.IGNORECASE
)
# A JWT is three base64url segments, the first always starting with eyJ ('{"').
JWT = re.compile(r"eyJ[\w-]*\.[\w-]*\.[\w-]*")
# Password-reset links: /accounts/reset/<uidb64>/<token>/ (page) and any
# uid/token query parameters.
RESET_LINK = re.compile(r"(/reset/)[^/\s?#]+/[^/\s?#]+")
SECRET_QUERY = re.compile(
    r"((?:^|[?&])(?:token|uid|access|refresh|password)=)[^&\s#]*", re.IGNORECASE
)


def scrub(value: Any) -> Any:
    """The value with every secret-looking part replaced, recursing into containers."""
    if isinstance(value, str):
        value = JWT.sub(REDACTED, value)
        value = RESET_LINK.sub(rf"\1{REDACTED}", value)
        return SECRET_QUERY.sub(rf"\1{REDACTED}", value)
    if isinstance(value, dict):
        return {
            key: REDACTED if _is_sensitive_key(key) else scrub(item) for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(scrub(item) for item in value)
    return value


def _is_sensitive_key(key: Any) -> bool:
    return isinstance(key, str) and key not in _SAFE_KEYS and bool(SENSITIVE_KEY.search(key))


# Keys our own events use that only look sensitive.
_SAFE_KEYS = {"event", "request_id", "user_id", "access_token_revoked"}


def redact_secrets(_logger: Any, _method: str, event_dict: dict) -> dict:
    """structlog processor: the last line of defence before anything is written."""
    return scrub(event_dict)


def add_request_timing(request) -> None:
    request._yogaflow_started = time.perf_counter()


def request_finished_fields(request, response) -> dict:
    """Fields of the one line logged per request (beside request_id and user_id)."""
    started = getattr(request, "_yogaflow_started", None)
    fields = {"method": request.method, "path": request.path, "status": response.status_code}
    if started is not None:
        fields["duration_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return fields


def configure_logging(*, log_format: str, level: str) -> dict:
    """Configure structlog and return the LOGGING dict for Django's settings."""
    shared = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.stdlib.filter_by_level,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    renderer = (
        structlog.processors.JSONRenderer()
        if log_format == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": [*shared, structlog.stdlib.ExtraAdder()],
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    redact_secrets,
                    renderer,
                ],
            },
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # django.request repeats what request_finished already says.
            "django.request": {"level": logging.ERROR},
            "django.server": {"level": logging.WARNING},
            "django.db.backends": {"level": logging.INFO},
        },
    }
