"""Production settings: secrets required, `check --deploy` clean, bcrypt at work factor 12."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def production_env(**overrides) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "yogaflow.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "yogaflow.example.com",
        "DATABASE_URL": "sqlite:////tmp/yogaflow-settings-test.sqlite3",
        "CACHE_URL": "redis://127.0.0.1:6379/14",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(*args, **env_overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=production_env(**env_overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY must be set"),
        ({"JWT_SIGNING_KEY": None}, "JWT_SIGNING_KEY must be set"),
        ({"SECRET_KEY": "k" * 40, "JWT_SIGNING_KEY": "k" * 40}, "must differ"),
    ],
)
def test_production_refuses_to_start_without_real_secrets(overrides, complaint):
    result = manage("check", **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_development_starts_without_any_secret():
    result = manage("check", DEBUG="true", SECRET_KEY=None, JWT_SIGNING_KEY=None)
    assert result.returncode == 0, result.stderr


def test_production_hasher_is_bcrypt_sha256_with_work_factor_12():
    from django.contrib.auth.hashers import BCryptSHA256PasswordHasher
    from django.utils.module_loading import import_string

    from yogaflow import settings as production_settings

    hasher = import_string(production_settings.PASSWORD_HASHERS[0])()
    assert isinstance(hasher, BCryptSHA256PasswordHasher)
    assert hasher.rounds == 12

    encoded = hasher.encode("Aa1" + "x" * 125, hasher.salt())
    assert encoded.startswith("bcrypt_sha256$$2b$12$")
    # Past bcrypt's 72-byte limit every character still counts.
    assert hasher.verify("Aa1" + "x" * 125, encoded)
    assert not hasher.verify("Aa1" + "x" * 124 + "y", encoded)


def test_jwt_settings_follow_the_contract(settings):
    from datetime import timedelta

    assert settings.SIMPLE_JWT["ALGORITHM"] == "HS256"
    assert settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"] == timedelta(hours=24)
    assert settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"] == timedelta(days=7)
    assert settings.SIMPLE_JWT["SIGNING_KEY"] != settings.SECRET_KEY
    assert len(settings.SIMPLE_JWT["SIGNING_KEY"]) >= 32
