"""YogaFlow settings: one module, read from the environment (and an optional `.env`).

Every value that differs between a laptop and production comes from an
environment variable; README.md lists them. With DEBUG off the app refuses to
start without real secrets, so a forgotten variable fails loudly at boot
instead of quietly running with a development key.
"""

from datetime import timedelta
from pathlib import Path

import environ
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
    "django.middleware.security.SecurityMiddleware",
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
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

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

from yogaflow.logs import configure_logging  # noqa: E402

LOGGING = configure_logging(log_format=LOG_FORMAT, level=LOG_LEVEL)
