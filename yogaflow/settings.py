"""YogaFlow settings: one module, read from the environment (and an optional `.env`).

Every value that differs between a laptop and production comes from an
environment variable; README.md lists them. With DEBUG off the app refuses to
start without real secrets, so a forgotten variable fails loudly at boot
instead of quietly running with a development key.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# --- secrets -----------------------------------------------------------------

_DEV_SECRET_KEY = "dev-only-secret-key-not-for-production-0123456789abcdef"
_DEV_JWT_KEY = "dev-only-jwt-signing-key-not-for-production-0123456789"
MIN_SECRET_LENGTH = 32


def _secret(name: str, dev_default: str) -> str:
    """A secret from the environment; in production it must exist and be long enough."""
    value = env.str(name, default="")
    if not value and DEBUG:
        return dev_default
    if len(value) < MIN_SECRET_LENGTH or value in (_DEV_SECRET_KEY, _DEV_JWT_KEY):
        raise ImproperlyConfigured(
            f"{name} must be set to a random value of at least {MIN_SECRET_LENGTH} "
            "characters when DEBUG is off (e.g. `python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'`)."
        )
    return value


SECRET_KEY = _secret("SECRET_KEY", _DEV_SECRET_KEY)
JWT_SIGNING_KEY = _secret("JWT_SIGNING_KEY", _DEV_JWT_KEY)
if JWT_SIGNING_KEY == SECRET_KEY:
    raise ImproperlyConfigured("JWT_SIGNING_KEY must differ from SECRET_KEY.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"

# --- applications ------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "django_structlog",
    "yogaflow",
    "yogaflow.core",
    "accounts",
    "poses",
    "sequences",
    "practice",
    "achievements",
]

MIDDLEWARE = [
    # The health probes answer by the app's address, before the host and HTTPS checks.
    "yogaflow.health.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "yogaflow.core.headers.CSPMiddleware",  # django-csp's, the site's policy built once
    "yogaflow.core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_structlog.middlewares.RequestMiddleware",
    # An outage met by a page view answers 503, a value the database refuses 400 (the API's
    # handler does the same for its views).
    "yogaflow.core.errors.DatabaseAndCacheErrorsMiddleware",
    # Last, so the view and its rendering are inside: a request that writes commits all of it,
    # or nothing when its answer is an error (yogaflow/core/transactions.py).
    "yogaflow.core.transactions.AtomicWritesMiddleware",
]

ROOT_URLCONF = "yogaflow.urls"
WSGI_APPLICATION = "yogaflow.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- data --------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite behind a threaded server (`make run`): readers never wait for the writer (WAL),
    # a writer waits up to 20 s for the lock instead of failing ("database is locked"), and
    # a transaction takes the write lock when it begins, so two of them never deadlock on
    # upgrading a read lock (which SQLite answers at once with "database is locked").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database answers 503 after this many seconds instead of hanging a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling and lockout counters live here: point CACHE_URL at Redis in
# production so every gunicorn worker and host shares them. What an outage of it
# does is in yogaflow/core/caching.py (and the README).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://yogaflow")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # An unreachable Redis fails a request's cache call within a second, not a socket's
    # default of never; redis-py retries nothing (no backoff sleeping in a worker).
    _redis_timeout = env.float("CACHE_TIMEOUT_SECONDS", default=1.0)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": _redis_timeout, "socket_timeout": _redis_timeout}
    )

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="YogaFlow <no-reply@yogaflow.local>")
# An SMTP server that accepts a connection and then says nothing fails the send (and the task
# retries) after this many seconds, instead of holding a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Where links in mail sent outside a request point (reminders, their unsubscribe link).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- background work (Celery; yogaflow/celery.py) --------------------------------

# Without a broker every task runs inside the caller ("eager"): `make run` and the tests that
# start no worker send mail at once; reminders need a broker, `make worker` and its scheduler.
_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not _BROKER_URL)
# Never Celery's default (AMQP on localhost): without a broker, an in-process one that eager
# calls never need.
CELERY_BROKER_URL = _BROKER_URL or "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the message for another
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the worker logs through LOGGING: JSON lines
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that enqueues while the broker is away gives up within about two seconds
# (yogaflow.core.mail logs it) instead of hanging.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=1.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "visibility_timeout": 60 * 60,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(BASE_DIR / ".celerybeat-schedule")
)
# The one schedule (a static one: nothing to edit at run time). Reminders look every minute
# for whoever's local reminder time has come; clean-ups run once a day.
CELERY_BEAT_SCHEDULE = {
    "practice-reminders": {
        "task": "practice.send_due_reminders",
        "schedule": 60.0,
        # A tick a worker could not take within the minute is dropped, not piled up: the
        # next tick finds the same reminders due (REMINDER_WINDOW_MINUTES).
        "options": {"expires": 55},
    },
    "daily-clean-ups": {
        "task": "yogaflow.daily_clean_ups",
        "schedule": crontab(hour=3, minute=17),
    },
}
# Mail (yogaflow.core.tasks.send_email): retried on SMTP and network errors after
# MAIL_RETRY_BASE_SECONDS, doubling each time up to MAIL_RETRY_MAX_SECONDS, MAIL_MAX_RETRIES
# times; then the failure is logged with the task id (never the message).
MAIL_RETRY_BASE_SECONDS = env.float("MAIL_RETRY_BASE_SECONDS", default=30.0)
MAIL_RETRY_MAX_SECONDS = env.float("MAIL_RETRY_MAX_SECONDS", default=30 * 60.0)
MAIL_MAX_RETRIES = env.int("MAIL_MAX_RETRIES", default=8)
# A password-reset request whose task finds the cache down (its three-links-an-hour allowance
# cannot be counted) is retried by Celery after RESET_RETRY_BACKOFF_SECONDS, doubling each time
# up to RESET_RETRY_BACKOFF_MAX_SECONDS, RESET_MAX_RETRIES times (whole seconds). Each wait is
# drawn between 0 and that bound (full jitter, so an outage's backlog does not retry in step):
# by default the last try comes at most about half an hour after the request; then it fails.
RESET_RETRY_BACKOFF_SECONDS = env.int("RESET_RETRY_BACKOFF_SECONDS", default=10)
RESET_RETRY_BACKOFF_MAX_SECONDS = env.int("RESET_RETRY_BACKOFF_MAX_SECONDS", default=10 * 60)
RESET_MAX_RETRIES = env.int("RESET_MAX_RETRIES", default=8)
# A reminder goes out at its local time, or within this many minutes after it when the
# scheduler was away (never on the next day).
REMINDER_WINDOW_MINUTES = env.int("REMINDER_WINDOW_MINUTES", default=60)

# --- passwords ---------------------------------------------------------------

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's BCryptSHA256PasswordHasher defaults to 12 rounds; accounts/tests
# asserts it so a Django upgrade cannot lower it unnoticed.
PASSWORD_MAX_LENGTH = 128
PASSWORD_RESET_TIMEOUT = 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "accounts.validators.MaximumLengthValidator"},
    {"NAME": "accounts.validators.UppercaseValidator"},
    {"NAME": "accounts.validators.LowercaseValidator"},
    {"NAME": "accounts.validators.DigitValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# --- brute-force lockout (accounts.lockout) ----------------------------------

LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_IP_LIMIT = env.int("LOGIN_FAILURE_IP_LIMIT", default=50)
LOGIN_FAILURE_WINDOW = timedelta(minutes=env.int("LOGIN_FAILURE_WINDOW_MINUTES", default=15))
LOGIN_LOCKOUT_DURATION = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
# How many reverse proxies in front of the app append to X-Forwarded-For; 0
# means REMOTE_ADDR is the client (never trust a header nobody sets for us).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# --- sessions and security headers ------------------------------------------

# Database sessions that refuse a malformed cookie before it reaches the database.
SESSION_ENGINE = "yogaflow.core.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * env.int("REMEMBER_ME_DAYS", default=14)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # HSTS is staged: an hour by default, so a TLS mistake costs an hour, not a year. Raise
    # SECURE_HSTS_SECONDS (31536000) once HTTPS works everywhere; subdomains and preload are
    # each a separate, deliberate opt-in (preload needs a year and subdomains).
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # check --deploy asks for a year, subdomains and preload from the start; each one left out
    # here is a deliberate stage the operator raises (README, "Production"), not an oversight.
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, staged in (
            ("security.W004", SECURE_HSTS_SECONDS < 60 * 60 * 24 * 365),
            ("security.W005", not SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", not SECURE_HSTS_PRELOAD),
        )
        if staged
    ]

# Content-Security-Policy (django-csp): everything from this site, no inline script or style
# (templates keep code in static/js and static/css; json_script blocks are data, never run).
# Images may also come from https: hosts: staff may give a pose image addresses elsewhere.
# The API docs pages set their own, slightly wider policy (yogaflow/core/api/views.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Permissions-Policy (yogaflow.core.headers): the app uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# --- i18n, static, media ------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Fields one form post may send. The admin posts a sequence's pose rows whole (sequences.admin:
# 8 fields a row with its delete box), so sequences.models.MAX_POSES_PER_SEQUENCE (150) poses
# send ~1,230 fields, past Django's default of 1,000 (a 400). sequences/tests/test_admin.py holds
# this bound against the constant.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- API ---------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.api.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["yogaflow.core.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "yogaflow.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "yogaflow.core.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SIMPLE_JWT = {
    "ALGORITHM": "HS256",
    "SIGNING_KEY": JWT_SIGNING_KEY,
    "ACCESS_TOKEN_LIFETIME": timedelta(hours=env.int("JWT_ACCESS_HOURS", default=24)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "AUTH_TOKEN_CLASSES": ("accounts.api.tokens.AccessToken",),
    "TOKEN_OBTAIN_SERIALIZER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "YogaFlow API",
    "DESCRIPTION": (
        "JSON API of YogaFlow for the mobile client. Authenticate with "
        "`Authorization: Bearer <access token>` from `auth/login` or `auth/register`. "
        "Every error answers the same shape: `{error, message, detail[]}`."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    # Paths carry /api/v1: a server is an origin. "/" is wherever this schema was read from.
    "SERVERS": [
        {"url": "/", "description": "The server that serves this schema."},
        {"url": "http://127.0.0.1:8000", "description": "Local development (`make run`)."},
    ],
    "LICENSE": {"name": "Proprietary", "identifier": "LicenseRef-YogaFlow-Proprietary"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "yogaflow.core.api.schema.document_refusals",
    ],
    # A user's experience level and a pose's or sequence's difficulty share one choice set.
    "ENUM_NAME_OVERRIDES": {
        "LevelEnum": "poses.models.Difficulty",
        "StyleEnum": "sequences.models.Style",
        "FocusEnum": "sequences.models.Focus",
        "AvoidanceEnum": "accounts.models.Avoidance",
        "WeekdayEnum": "accounts.models.Weekday",
        "SideEnum": "sequences.models.Side",
        "StepSideEnum": "practice.models.Side",
    },
}

# --- logging -----------------------------------------------------------------

LOG_FORMAT = env.str("LOG_FORMAT", default="console" if DEBUG else "json")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# One line per request: request_finished carries method, path, status and
# duration_ms (yogaflow.logs); request_started is kept for DEBUG only.
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = 10
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False
# Tasks log task_enqueued/started/succeeded/failed with their task_id (and the request_id
# of the request that enqueued them).
DJANGO_STRUCTLOG_CELERY_ENABLED = True

from yogaflow.logs import configure_logging  # noqa: E402

LOGGING = configure_logging(log_format=LOG_FORMAT, level=LOG_LEVEL)

# --- error reports -------------------------------------------------------------

# Sentry only when SENTRY_DSN is set; events are scrubbed like log lines (yogaflow/sentry.py).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from yogaflow.sentry import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
