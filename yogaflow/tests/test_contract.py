"""The mobile client's contract (issue 18): a client generated from the live schema works.

openapi-python-client (pinned in the dev group) generates `yogaflow_client` from
/api/v1/schema/ of a live server into a temporary folder; `mypy --strict` type-checks the
journey (yogaflow/tests/contract_journey.py) against it; then the journey drives the live
server through it: signed out where a token is optional, signed in elsewhere. An answer the
schema does not list, a body that does not parse into the documented type, or a field the
schema leaves out fails the test. The README's "Generate a client" shows the same commands.
"""

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core import mail

from accounts.models import User

ROOT = Path(__file__).resolve().parents[2]
JOURNEY = Path(__file__).with_name("contract_journey.py")
BIN = Path(sys.executable).parent  # the venv's: openapi-python-client, ruff, mypy
GENERATOR_CONFIG = (
    "package_name_override: yogaflow_client\nproject_name_override: yogaflow-client\n"
)


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess:
    # openapi-python-client formats what it writes with ruff: the venv's, first on the PATH.
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def generate_client(schema_url: str, folder: Path) -> Path:
    """`yogaflow_client` generated from the schema at `schema_url`, inside `folder`."""
    schema = httpx.get(schema_url, params={"format": "json"}, timeout=30)
    schema.raise_for_status()
    (folder / "schema.json").write_bytes(schema.content)
    (folder / "config.yaml").write_text(GENERATOR_CONFIG)
    result = _run(
        str(BIN / "openapi-python-client"),
        "generate",
        "--path=schema.json",
        "--config=config.yaml",
        "--meta=none",
        "--output-path=yogaflow_client",
        cwd=folder,
    )
    # It warns (on stdout) about any part of the schema it could not turn into code.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout and "Error" not in result.stdout, result.stdout
    return folder / "yogaflow_client"


@pytest.fixture(scope="module")
def generated_client(live_server, tmp_path_factory, django_db_blocker):
    folder = tmp_path_factory.mktemp("client")
    # Module-scoped, so set up before any test's database fixture: the schema's request may
    # read the database (a session, the library), so let the live server's thread do so.
    with django_db_blocker.unblock():
        generate_client(f"{live_server.url}/api/v1/schema/", folder)
    sys.path.insert(0, str(folder))
    try:
        yield folder
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n.split(".")[0] == "yogaflow_client"]:
            del sys.modules[name]
        sys.modules.pop("yogaflow.tests.contract_journey", None)


def _reset_link(email: str) -> tuple[str, str]:
    """(uid, token) of the last password-reset link mailed to `email` (the live server runs in
    this process: its mail lands in Django's test outbox)."""
    body = next(message.body for message in reversed(mail.outbox) if message.to == [email])
    match = re.search(r"/accounts/reset/([^/\s]+)/([^/\s]+)/", body)
    assert match, body
    return match.group(1), match.group(2)


def test_a_generated_client_drives_the_whole_mobile_journey(
    live_server, live_curated_library, generated_client
):
    # The type check runs beside the journey: one wall-clock wait for both.
    mypy = subprocess.Popen(
        [
            str(BIN / "mypy"),
            "--strict",
            # The generated package is read for its types; the journey alone is judged.
            "--follow-imports=silent",
            "--cache-dir",
            str(generated_client / ".mypy_cache"),
            str(JOURNEY),
        ],
        cwd=generated_client,
        env={**os.environ, "MYPYPATH": str(generated_client)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        journey_module = importlib.import_module("yogaflow.tests.contract_journey")
        journey = journey_module.run(
            live_server.url,
            email="mobile.ada@example.com",
            password="Lotus-Flow-2024",
            reset_link=_reset_link,
        )
    finally:
        output, _ = mypy.communicate(timeout=180)

    assert mypy.returncode == 0, output
    assert journey.calls >= 61  # every step above, each answer checked
    assert not User.objects.filter(email=journey.email).exists()


def test_a_plain_client_is_accepted_exactly_where_a_token_is_optional(generated_client):
    from yogaflow.tests.test_schema import TOKEN_OPTIONAL

    clients = {}
    for module in (generated_client / "yogaflow_client" / "api").glob("*/*.py"):
        if module.name == "__init__.py":
            continue
        signature = re.search(r"def sync_detailed\(.*?\) ->", module.read_text(), re.S)
        client = re.search(r"client: ([\w |]+),", signature.group(0)).group(1)
        clients[module.stem] = client

    assert {name for name, client in clients.items() if "Client" in client.split(" | ")} == (
        TOKEN_OPTIONAL
    )
    assert {client for name, client in clients.items() if name not in TOKEN_OPTIONAL} == {
        "AuthenticatedClient"
    }


def test_the_journey_notices_a_field_the_schema_leaves_out(generated_client):
    journey = importlib.import_module("yogaflow.tests.contract_journey")
    from yogaflow_client.models import Error, TokenPair

    documented = TokenPair.from_dict({"access": "a", "refresh": "r"})
    drifted = Error.from_dict(
        {"error": "Bad", "message": "m", "detail": [{"loc": ["body"], "msg": "x", "type": "t"}]}
    )
    drifted.detail[0].additional_properties["hint"] = "not in the schema"

    assert journey.undocumented_fields(documented) == []
    assert journey.undocumented_fields(drifted) == ["body.detail[0] (ErrorItem): ['hint']"]


REDOCLY = ROOT / "contract" / "node_modules" / ".bin" / "redocly"


@pytest.mark.skipif(
    not REDOCLY.exists(),
    reason="Redocly CLI is not installed: `make contract-tools` installs it with npm "
    "(skipped where npm is missing)",
)
def test_redocly_lint_finds_nothing_in_the_schema(tmp_path):
    from django.core.management import call_command

    schema = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    # No telemetry, no update check: the lint stays on this machine.
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}

    result = subprocess.run(
        [str(REDOCLY), "lint", "--config", str(ROOT / "contract" / "redocly.yaml"), str(schema)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower().replace(
        "deprecation warning", ""
    )
