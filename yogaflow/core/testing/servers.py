"""Real servers for the tests that need them: the app itself in a subprocess (runserver as
`make run` serves it, or gunicorn as production does), a private Redis and a private
PostgreSQL cluster that a test starts, stops and removes itself.

Nothing here touches the machine's shared servers (PostgreSQL on 5432, Redis on 6379):
every server gets a free port of its own, and a cluster its own name.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
PG_VERSION = os.environ.get("PG_TEST_VERSION", "15")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_binary(name: str) -> str:
    """The path of a server binary; skip the test only where the machine has none."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed on this machine")
    return path


def wait_until(check: Callable[[], bool], *, timeout: float = 30, what: str = "server") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


def port_open(port: int) -> bool:
    """Whether something listens on 127.0.0.1:port (a TCP connection is accepted)."""
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- HTTP -------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    body: bytes
    headers: list[tuple[str, str]]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def json(self):
        return json.loads(self.body)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer too: its status, headers and cookies


_opener = urllib.request.build_opener(_NoRedirects)


def http(
    method: str,
    url: str,
    *,
    body=None,
    headers: dict | None = None,
    timeout: float = 60,
) -> Answer:
    """One request; any status is an answer (urllib's HTTPError is not an error here), and
    redirects are not followed."""
    data = body
    headers = dict(headers or {})
    if body is not None and not isinstance(body, bytes | str):
        data = json.dumps(body)
        headers.setdefault("Content-Type", "application/json")
    if isinstance(data, str):
        data = data.encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Answer(response.status, response.read(), response.headers.items())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read(), error.headers.items())


class Visitor:
    """A browser without a browser: keeps its cookies and posts forms with their CSRF token.

    Cookies are kept by hand: the app marks them Secure (DEBUG off), which a cookie jar
    would never send back over the test server's plain HTTP.
    """

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies: dict[str, str] = {}

    def _remember(self, answer: Answer) -> Answer:
        for name, value in answer.headers:
            if name.lower() == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    self.cookies[morsel.key] = morsel.value
        return answer

    def _headers(self, extra: dict | None = None) -> dict:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        return {**headers, **(extra or {})}

    def get(self, path: str) -> Answer:
        return self._remember(http("GET", self.base_url + path, headers=self._headers()))

    def post_form(self, path: str, data: dict) -> Answer:
        """POST a form as the page would: the CSRF cookie (from a GET of it first) and token."""
        if "csrftoken" not in self.cookies:
            self.get(path)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
        headers = self._headers({"Content-Type": "application/x-www-form-urlencoded"})
        return self._remember(http("POST", self.base_url + path, body=body, headers=headers))


def at_once(calls: list[Callable[[], object]], *, timeout: float = 60) -> list:
    """Run the calls in parallel threads released together; results (or errors) in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call) -> None:
        try:
            barrier.wait(timeout=timeout)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 (handed to the test)
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


# --- the app ------------------------------------------------------------------------


def _stop(process: subprocess.Popen, log_file) -> None:
    """Stop a server started in a session of its own (SIGTERM, then SIGKILL after 20 s) and
    remove its log file."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    log_file.close()
    Path(log_file.name).unlink(missing_ok=True)


def app_env(**overrides: str) -> dict:
    """A production-like environment for a subprocess of the app (DEBUG off, real secrets)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(
        DEBUG="false",
        # Its own cache unless told otherwise: never counters left by another run.
        CACHE_URL="locmemcache://yogaflow-test-server",
        SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SIGNING_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update(overrides)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def app_server(env: dict, *, server: str = "runserver", workers: int = 2) -> Iterator[AppServer]:
    """The app on a free port: `runserver` (threaded, as `make run` serves it) or `gunicorn`."""
    port = free_port()
    if server == "runserver":
        command = [str(BIN / "python"), "manage.py", "runserver", "--noreload"]
        command.append(f"127.0.0.1:{port}")
    else:
        command = [str(BIN / "gunicorn"), "yogaflow.wsgi", "--workers", str(workers)]
        command += ["--bind", f"127.0.0.1:{port}", "--no-control-socket", "--timeout", "60"]
    log_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below)
        prefix="yogaflow-server-", suffix=".log", delete=False
    )
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log_file, stderr=log_file, start_new_session=True
    )
    app = AppServer(f"http://127.0.0.1:{port}", process, Path(log_file.name))
    try:
        wait_until(lambda: process.poll() is None and port_open(port), timeout=60, what="the app")
        yield app
    finally:
        _stop(process, log_file)


# --- Redis ----------------------------------------------------------------------------


class RedisServer:
    """A private `redis-server` on a free port, without persistence."""

    def __init__(self) -> None:
        self.binary = require_binary("redis-server")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until(lambda: port_open(self.port), timeout=10, what="redis-server")

    def pause(self) -> None:
        """Hang it (SIGSTOP): connections are accepted by the kernel, never answered."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot terminate
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        wait_until(lambda: not port_open(self.port), timeout=10, what="redis-server's end")


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- PostgreSQL -------------------------------------------------------------------


def _as_postgres(*command: str) -> list[str]:
    """initdb and psql refuse root: run them as the `postgres` user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return list(command)


class PostgresCluster:
    """A private PostgreSQL cluster (Debian's pg_createcluster) on a free port, trust auth on
    127.0.0.1, fsync off: created, started, stopped and dropped by the test that owns it."""

    def __init__(self) -> None:
        require_binary("pg_createcluster")
        self.port = free_port()
        self.name = f"yogaflow_test_{os.getpid()}_{self.port}"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _ctl(self, action: str, *extra: str) -> None:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, self.name, action, *extra],
            check=True,
            capture_output=True,
        )

    def create(self) -> None:
        subprocess.run(
            ["pg_createcluster", PG_VERSION, self.name, "--port", str(self.port)]
            + ["-o", "fsync=off", "-o", "full_page_writes=off", "-o", "synchronous_commit=off"]
            + ["-o", "max_connections=200"]
            + ["--", "--auth-host=trust", "--auth-local=trust", "--no-sync"],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self._ctl("start")
        wait_until(lambda: port_open(self.port), timeout=30, what="PostgreSQL")

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")
        wait_until(lambda: not port_open(self.port), timeout=30, what="PostgreSQL's end")

    def create_database(self, name: str) -> str:
        subprocess.run(
            _as_postgres("psql", "-h", "127.0.0.1", "-p", str(self.port), "-q")
            + ["-c", f'CREATE DATABASE "{name}"'],
            check=True,
            capture_output=True,
        )
        return self.url(name)

    def drop(self) -> None:
        subprocess.run(
            ["pg_dropcluster", "--stop", PG_VERSION, self.name], check=False, capture_output=True
        )


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster()
    try:
        cluster.create()
        cluster.start()
        yield cluster
    finally:
        cluster.drop()


# --- SMTP -------------------------------------------------------------------------------


class SmtpServer:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 in a thread of the test process: it keeps
    every message it accepts and counts the connections that said EHLO/HELO.

    `port` may be given before it starts, so a worker can first meet a refused connection
    there (nothing listening) and then the server (start() later).
    """

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list = []  # email.message.Message, as parsed from the DATA
        self.connections = 0
        self._controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        import email

        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_EHLO(self, smtp, session, envelope, hostname, responses):
                server.connections += 1
                session.host_name = hostname
                return responses

            async def handle_HELO(self, smtp, session, envelope, hostname):
                server.connections += 1
                session.host_name = hostname
                return "250 OK"

            async def handle_DATA(self, smtp, session, envelope):
                server.messages.append(email.message_from_bytes(envelope.content))
                return "250 Message accepted for delivery"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, *, timeout: float = 30) -> list:
        wait_until(lambda: len(self.messages) >= count, timeout=timeout, what=f"{count} mail(s)")
        return self.messages

    def bodies_to(self, address: str) -> list[str]:
        return [
            message.get_payload(decode=True).decode()
            for message in self.messages
            if message["To"] == address
        ]


@contextlib.contextmanager
def smtp_server(port: int | None = None) -> Iterator[SmtpServer]:
    server = SmtpServer(port)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- Celery -----------------------------------------------------------------------------


@dataclass
class Worker:
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def events(self) -> list[dict]:
        """The worker's JSON log lines, parsed (the start-up banner is not JSON)."""
        events = []
        for line in self.log().splitlines():
            with contextlib.suppress(ValueError):
                event = json.loads(line)
                if isinstance(event, dict):
                    events.append(event)
        return events

    def wait_for_event(self, name: str, *, timeout: float = 30) -> dict:
        def found():
            return next((e for e in self.events() if e.get("event") == name), None)

        wait_until(lambda: found() is not None, timeout=timeout, what=f"the worker's {name}")
        return found()


@contextlib.contextmanager
def celery_worker(env: dict, *, timeout: float = 60) -> Iterator[Worker]:
    """`celery worker` (solo pool, no beat) in a subprocess with this environment (its
    CELERY_BROKER_URL: a private Redis); stopped warm, then killed, at the end."""
    log_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below)
        prefix="yogaflow-worker-", suffix=".log", delete=False
    )
    command = [str(BIN / "celery"), "-A", "yogaflow", "worker", "--pool=solo", "--loglevel=INFO"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    command += ["-n", f"test-{os.getpid()}-{free_port()}@127.0.0.1"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**env, "LOG_LEVEL": "INFO"},  # its task events are what tests read
        stdout=log_file,
        stderr=log_file,
        start_new_session=True,
    )
    worker = Worker(process, Path(log_file.name))
    try:

        def ready() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"the Celery worker exited:\n{worker.log()}")
            return " ready." in worker.log()

        wait_until(ready, timeout=timeout, what="the Celery worker")
        yield worker
    finally:
        _stop(process, log_file)
