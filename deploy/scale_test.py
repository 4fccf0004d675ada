"""Scale out on one box the way it scales across many: two app servers behind nginx.

    .venv/bin/python deploy/scale_test.py                # full run (make scale-test)
    .venv/bin/python deploy/scale_test.py --short        # what CI runs (a pytest test)
    .venv/bin/python deploy/scale_test.py --write-docs   # full run, figures to docs/scale.md

What it starts, all its own and removed afterwards (never the machine's shared servers): a
PostgreSQL cluster (pg_createcluster) and a redis-server; the release step
`deploy/bin/migrate-and-load.sh`; two gunicorn instances through `deploy/bin/web.sh` with
`deploy/gunicorn.conf.py` on two ports; Debian's nginx with the site rendered from
`deploy/nginx/yogaflow.conf.template` (TLS with a throwaway certificate) balancing them.

What it checks:
1. One site: page sessions, JWTs, lockout counters, throttles and caches behave the same
   whichever instance answers (requests sent straight to each instance, with the headers
   nginx would add).
2. The journey through nginx, by several practitioners at once, for a bounded time: sign up
   and log in on the page, log in by API, generate a practice, record it (client_id, retried
   on a failure as the mobile client does), read statistics (API and page), favorites and
   badges. Mid-run one instance is killed (SIGKILL, no goodbye).
3. Afterwards, in the database: every practice sent is recorded once; every badge earned is
   there once (none duplicated) and none is missing (evaluating again awards nothing).

Passes when nothing is lost, the one-site checks hold, and no request answered 5xx (or failed
on its socket) except those in flight at the kill, which are counted and shown. Prints a
table, then one line `JSON {...}` with every figure.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yogaflow.core.testing.servers import (  # noqa: E402
    BIN,
    app_env,
    free_port,
    port_open,
    postgres_cluster,
    redis_server,
    require_binary,
    wait_until,
)

PASSWORD = "Scale-Test-2026"
HOST = "127.0.0.1"

# --- HTTP ------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int  # 0: the socket failed (refused, reset, timed out)
    headers: dict
    body: bytes
    started: float
    ended: float

    def json(self):
        return json.loads(self.body or b"null")


@dataclass
class Log:
    """Every request the journey made: when, how long, what came back."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    rows: list = field(default_factory=list)

    def add(self, name: str, answer: Answer) -> None:
        with self.lock:
            self.rows.append((name, answer.status, answer.started, answer.ended))


class Client:
    """One practitioner's connection: keep-alive, cookies, CSRF, optional bearer token."""

    def __init__(
        self,
        port: int,
        *,
        tls: ssl.SSLContext | None,
        log: Log | None = None,
        forwarded_for: str | None = None,
    ):
        self.port, self.tls, self.log = port, tls, log
        self.forwarded_for = forwarded_for
        self.cookies: dict[str, str] = {}
        self.token: str | None = None
        self.connection = None

    @property
    def origin(self) -> str:
        return f"https://{HOST}:{self.port}"

    def _connect(self):
        if self.tls is not None:
            return http.client.HTTPSConnection(HOST, self.port, timeout=30, context=self.tls)
        return http.client.HTTPConnection(HOST, self.port, timeout=30)

    def request(
        self,
        method: str,
        path: str,
        *,
        name: str = "",
        body=None,
        form=None,
        headers: dict | None = None,
    ) -> Answer:
        sent = {"Host": f"{HOST}:{self.port}", **(headers or {})}
        if self.tls is None:
            # Straight to an instance: say what nginx would (TLS ended, one proxy).
            sent["X-Forwarded-Proto"] = "https"
            sent["X-Forwarded-For"] = self.forwarded_for or "192.0.2.1"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        payload = None
        if form is not None:
            form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
            payload = urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.origin
            sent["Referer"] = self.origin + path
        elif body is not None:
            payload = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = self._connect()
            self.connection.request(method, path, body=payload, headers=sent)
            response = self.connection.getresponse()
            data = response.read()
            answer = Answer(
                response.status, dict(response.getheaders()), data, started, time.monotonic()
            )
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    for morsel in SimpleCookie(value).values():
                        self.cookies[morsel.key] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException):
            self.close()
            answer = Answer(0, {}, b"", started, time.monotonic())
        if self.log is not None:
            self.log.add(name or f"{method} {path}", answer)
        return answer

    def get_form_page(self, path: str) -> Answer:
        """A page with a form: its GET sets the CSRF cookie."""
        return self.request("GET", path, name=f"GET {path}")

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(Exception):
                self.connection.close()
        self.connection = None


# --- the servers ----------------------------------------------------------------------------


def _run(command: list[str], env: dict, **kwargs) -> str:
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def certificate(workdir: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1."""
    cert, key = workdir / "tls.crt", workdir / "tls.key"
    _run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        env=dict(os.environ),
    )
    return cert, key


@dataclass
class Instance:
    port: int
    process: subprocess.Popen
    log_path: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL to gunicorn's master and workers: a crash, no graceful shutdown.

        Returns once the instance is gone: the master reaped and its port refusing connections
        (the workers, which hold the listening socket and nginx's kept-alive connections, die a
        moment after the master), plus a moment for nginx to read the closed connections' end.
        """
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        wait_until(lambda: not port_open(self.port), timeout=10, what="the port to close")
        time.sleep(0.2)

    def stop(self) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def start_instance(env: dict, workdir: Path, number: int) -> Instance:
    port = free_port()
    log_path = workdir / f"web-{number}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [str(ROOT / "deploy" / "bin" / "web.sh")],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"{HOST}:{port}"},
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    instance = Instance(port, process, log_path)
    wait_until(lambda: not instance.alive() or _answers(port), timeout=60, what="gunicorn")
    if not instance.alive():
        raise RuntimeError(f"gunicorn {number} died:\n{log_path.read_text(errors='replace')}")
    return instance


def _answers(port: int, path: str = "/healthz", tls: ssl.SSLContext | None = None) -> bool:
    answer = Client(port, tls=tls).request("GET", path)
    return answer.status == 200


def nginx_conf(workdir: Path, site: str) -> Path:
    """A main nginx.conf of our own (pid, logs and temp files in workdir) around the site."""
    (workdir / "site.conf").write_text(site)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {workdir}/tmp/body;
    proxy_temp_path {workdir}/tmp/proxy;
    fastcgi_temp_path {workdir}/tmp/fastcgi;
    uwsgi_temp_path {workdir}/tmp/uwsgi;
    scgi_temp_path {workdir}/tmp/scgi;
    include {workdir}/site.conf;
}}
"""
    )
    return conf


def nginx_binary() -> str:
    """Debian's nginx, also where /usr/sbin is not on a user's PATH."""
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else ""
    )
    return found or require_binary("nginx")


@contextlib.contextmanager
def nginx(workdir: Path, values: dict, env: dict):
    """nginx in the foreground with the site deploy/render_nginx.py makes of the template
    (the body limit it derives from the app's settings)."""
    binary = nginx_binary()
    site = _run(
        [str(BIN / "python"), str(ROOT / "deploy" / "render_nginx.py")], env={**env, **values}
    )
    conf = nginx_conf(workdir, site)
    log = (workdir / "nginx.log").open("wb")
    _run([binary, "-t", "-p", str(workdir), "-c", str(conf)], env=dict(os.environ))
    process = subprocess.Popen(
        [binary, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"],
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGQUIT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


# --- 1. one site ----------------------------------------------------------------------------


def one_site_checks(a: int, b: int, curated: str) -> dict[str, bool]:
    """Each check alternates the two instances; each uses its own client address."""
    results = {}

    def client(port, address):
        return Client(port, tls=None, forwarded_for=address)

    # Page session: log in on A, the session is valid on B; log out on B, gone on A.
    email = f"one-site-{secrets.token_hex(4)}@example.com"
    on_a = client(a, "198.51.100.10")
    on_a.get_form_page("/accounts/signup/")
    signed = on_a.request("POST", "/accounts/signup/", form={"email": email, "password": PASSWORD})
    page = client(a, "198.51.100.10")
    page.get_form_page("/accounts/login/")
    logged = page.request("POST", "/accounts/login/", form={"email": email, "password": PASSWORD})
    on_b = client(b, "198.51.100.10")
    on_b.cookies = dict(page.cookies)
    seen_on_b = on_b.request("GET", "/accounts/profile/")
    out_on_b = on_b.request("POST", "/accounts/logout/", form={})
    after = client(a, "198.51.100.10")
    after.cookies = {"sessionid": page.cookies.get("sessionid", "")}
    gone_on_a = after.request("GET", "/accounts/profile/")
    results["page session made on one instance is valid on the other, logout on either ends it"] = (
        signed.status == 302
        and logged.status == 302
        and seen_on_b.status == 200
        and out_on_b.status == 302
        and gone_on_a.status == 302
    )

    # JWT: issued by A, accepted by B; revoked at logout on B, refused by A.
    api_a, api_b = client(a, "198.51.100.11"), client(b, "198.51.100.11")
    login = api_a.request("POST", "/api/v1/auth/login", body={"email": email, "password": PASSWORD})
    token = login.json()["access"] if login.status == 200 else ""
    api_a.token = api_b.token = token
    me_b = api_b.request("GET", "/api/v1/auth/me")
    out_b = api_b.request("POST", "/api/v1/auth/logout", body={})
    me_a = api_a.request("GET", "/api/v1/auth/me")
    results["JWT issued by one instance works on the other, revoked on both at logout"] = (
        login.status == 200 and me_b.status == 200 and out_b.status == 204 and me_a.status == 401
    )

    # Lockout: failures alternate instances and add up to one count; then locked on both.
    statuses = []
    for attempt in range(5):
        port = a if attempt % 2 else b
        answer = client(port, "198.51.100.12").request(
            "POST", "/api/v1/auth/login", body={"email": email, "password": "Wrong-pass-1"}
        )
        statuses.append(answer.status)
    right_a = client(a, "198.51.100.12").request(
        "POST", "/api/v1/auth/login", body={"email": email, "password": PASSWORD}
    )
    right_b = client(b, "198.51.100.12").request(
        "POST", "/api/v1/auth/login", body={"email": email, "password": PASSWORD}
    )
    results["lockout counts failures across instances and locks on both"] = (
        statuses[:4] == [401] * 4
        and statuses[4] in (401, 429)
        and right_a.status == 429
        and right_b.status == 429
    )

    # Throttle: the API's sign-up limit (10 an hour per address) is one budget for both.
    register = []
    for attempt in range(12):
        port = a if attempt % 2 else b
        answer = client(port, "198.51.100.13").request(
            "POST",
            "/api/v1/auth/register",
            body={
                "email": f"throttle-{attempt}-{secrets.token_hex(3)}@example.com",
                "password": PASSWORD,
            },
        )
        register.append(answer.status)
    results["sign-up throttle is one budget across instances (10, then 429)"] = register[:10] == [
        201
    ] * 10 and register[10:] == [429, 429]

    # Caches: an anonymous page cached through A is the same version on B (304 there), until
    # a favorite toggled on B invalidates it for A; statistics cached by A follow a practice
    # recorded on B.
    reader, writer = client(a, "198.51.100.14"), client(b, "198.51.100.14")
    made = reader.request(
        "POST",
        "/api/v1/auth/register",
        body={"email": f"cache-{secrets.token_hex(4)}@example.com", "password": PASSWORD},
    )
    reader.token = writer.token = made.json().get("access") if made.status == 201 else ""
    anonymous_a, anonymous_b = client(a, "198.51.100.16"), client(b, "198.51.100.16")
    listing = f"/api/v1/sequences/{curated}"
    first = anonymous_a.request("GET", listing)
    etag = first.headers.get("ETag", "")
    same_on_b = anonymous_b.request("GET", listing, headers={"If-None-Match": etag})
    favorite = writer.request("PUT", f"/api/v1/sequences/{curated}/favorite")
    changed_on_a = anonymous_a.request("GET", listing, headers={"If-None-Match": etag})
    before = reader.request("GET", "/api/v1/stats")
    recorded = writer.request("POST", "/api/v1/sessions", body=practice_body(curated))
    after = reader.request("GET", "/api/v1/stats")

    def sessions(answer):
        return answer.json().get("total_sessions") if answer.status == 200 else None

    results["caches are shared: one version on both, a write on one invalidates the other"] = (
        made.status == 201
        and first.status == 200
        and bool(etag)
        and same_on_b.status == 304
        and favorite.status == 204
        and changed_on_a.status == 200
        and changed_on_a.headers.get("ETag") != etag
        and recorded.status == 201
        and sessions(before) == 0
        and sessions(after) == 1
    )
    results["_detail"] = (
        f"register {made.status}, first {first.status} {etag}, B {same_on_b.status}, "
        f"favorite {favorite.status}, A {changed_on_a.status}, stats {sessions(before)}"
        f"->{sessions(after)} (record {recorded.status})"
    )
    return results


# --- 2. the journey -------------------------------------------------------------------------


def practice_body(slug: str, client_id: str | None = None) -> dict:
    ended = datetime.now(UTC) - timedelta(minutes=random.randint(1, 60 * 24 * 20))  # noqa: S311
    return {
        "client_id": client_id or str(uuid.uuid4()),
        "sequence": slug,
        "started_at": (ended - timedelta(minutes=10)).isoformat().replace("+00:00", "Z"),
        "ended_at": ended.isoformat().replace("+00:00", "Z"),
        "duration_seconds": 600,
        "completed": True,
        "poses_completed": 5,
    }


@dataclass
class Journey:
    port: int
    tls: ssl.SSLContext
    log: Log
    deadline: float
    stop: float
    slugs: list
    sent: set = field(default_factory=set)
    recorded: set = field(default_factory=set)
    emails: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def practitioner(self, number: int) -> None:
        email = f"yogi-{number}-{secrets.token_hex(3)}@example.com"
        with self.lock:
            self.emails.append(email)
        rng = random.Random(number)  # noqa: S311
        # As a person (or the app) would: a step that failed with the site's error or a
        # dropped connection is tried again; a sign-up that went through the first time
        # answers "already registered" the second, and logging in then works.
        page = Client(self.port, tls=self.tls, log=self.log)
        for _ in range(3):
            page.get_form_page("/accounts/signup/")
            signed = page.request(
                "POST",
                "/accounts/signup/",
                name="POST signup (page)",
                form={"email": email, "password": PASSWORD},
            )
            if not _failed(signed):
                break
        page = Client(self.port, tls=self.tls, log=self.log)
        for _ in range(3):
            page.get_form_page("/accounts/login/")
            logged = page.request(
                "POST",
                "/accounts/login/",
                name="POST login (page)",
                form={"email": email, "password": PASSWORD},
            )
            if not _failed(logged):
                break
        api = Client(self.port, tls=self.tls, log=self.log)
        for _ in range(3):
            login = api.request(
                "POST",
                "/api/v1/auth/login",
                name="POST auth/login",
                body={"email": email, "password": PASSWORD},
            )
            if not _failed(login):
                break
        if logged.status != 302 or login.status != 200:
            with self.lock:
                self.problems.append(
                    f"{email}: sign-up {signed.status}, page login "
                    f"{logged.status}, API login {login.status}"
                )
            return
        api.token = login.json()["access"]
        rounds = 0
        # Until the deadline, and at least two rounds each (so every practitioner practises
        # on both sides of the kill even on a slow machine), but never past the hard stop.
        while (time.monotonic() < self.deadline or rounds < 2) and time.monotonic() < self.stop:
            rounds += 1
            api.request(
                "POST",
                "/api/v1/sequences/generate",
                name="POST sequences/generate",
                body={
                    "minutes": rng.choice([10, 20, 30]),
                    "level": "beginner",
                    "style": "hatha",
                    "seed": rng.randrange(1000),
                },
            )
            self.record(api, rng.choice(self.slugs))
            api.request("GET", "/api/v1/stats", name="GET stats")
            slug = rng.choice(self.slugs)
            api.request(
                rng.choice(["PUT", "DELETE"]),
                f"/api/v1/sequences/{slug}/favorite",
                name="PUT/DELETE favorite",
            )
            api.request("GET", "/api/v1/favorites", name="GET favorites")
            page.request("GET", "/practice/stats/", name="GET stats page")
            api.request("GET", "/api/v1/achievements", name="GET achievements")

    def record(self, api: Client, slug: str) -> None:
        """Record one practice; on a failure send it again with the same client_id (as the
        mobile client does), a few times."""
        body = practice_body(slug)
        with self.lock:
            self.sent.add(body["client_id"])
        for attempt in range(4):
            answer = api.request("POST", "/api/v1/sessions", name="POST sessions", body=body)
            if answer.status in (200, 201):
                with self.lock:
                    self.recorded.add(body["client_id"])
                return
            time.sleep(0.5 * (attempt + 1))


def _is_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _failed(answer: Answer) -> bool:
    return answer.status == 0 or answer.status >= 500


# --- 3. afterwards, in the database ---------------------------------------------------------

VERIFY = """
import json
from accounts.models import User
from achievements.models import UserAchievement
from achievements.services import evaluate_for
from django.db.models import Count
from practice.models import PracticeSession

data = json.load(open({path!r}))
users = User.objects.filter(email__in=data["emails"])
stored = {{str(c) for c in PracticeSession.objects.filter(user__in=users)
          .values_list("client_id", flat=True)}}
duplicated_sessions = (PracticeSession.objects.filter(user__in=users).values("client_id")
                       .annotate(n=Count("id")).filter(n__gt=1).count())
awards = UserAchievement.objects.filter(user__in=users)
duplicated = awards.values("user", "achievement").annotate(n=Count("id")).filter(n__gt=1).count()
missed = sum(len(evaluate_for(user)) for user in users)
print(json.dumps({{
    "users": users.count(),
    "stored": len(stored),
    "lost": len(set(data["sent"]) - stored),
    "unexpected": len(stored - set(data["sent"])),
    "duplicated_sessions": duplicated_sessions,
    "badges": awards.count(),
    "badges_duplicated": duplicated,
    "badges_missed": missed,
}}))
"""


def verify(env: dict, workdir: Path, journey: Journey) -> dict:
    path = workdir / "sent.json"
    path.write_text(json.dumps({"emails": journey.emails, "sent": sorted(journey.sent)}))
    output = _run(
        [str(BIN / "python"), "manage.py", "shell", "-c", VERIFY.format(path=str(path))], env=env
    )
    return json.loads(output.strip().splitlines()[-1])


# --- the run --------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(args) -> dict:
    nginx_binary()
    for binary in ("redis-server", "pg_createcluster", "openssl"):
        require_binary(binary)
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="yogaflow-scale-")))
        workdir.chmod(0o755)  # nginx's workers (nobody) read static files from here
        cert, key = certificate(workdir)
        static_root, media_root = workdir / "static", workdir / "media"
        media_root.mkdir()
        database_url = stack.enter_context(postgres_cluster()).create_database("yogaflow")
        cache_url = stack.enter_context(redis_server()).url
        env = app_env(
            DATABASE_URL=database_url,
            CACHE_URL=cache_url,
            NUM_PROXIES="1",
            ALLOWED_HOSTS=HOST,
            SECURE_SSL_REDIRECT="true",
            STATICFILES_BACKEND="whitenoise.storage.CompressedManifestStaticFilesStorage",
            STATIC_ROOT=str(static_root),
            MEDIA_ROOT=str(media_root),
            LOG_LEVEL="WARNING",
            WEB_CONCURRENCY=str(args.workers),
            GUNICORN_ACCESSLOG=str(workdir / "access.log"),
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            DJANGO_SUPERUSER_EMAIL="staff@example.com",
            DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        )
        started = time.monotonic()
        release = _run([str(ROOT / "deploy" / "bin" / "migrate-and-load.sh")], env=env)
        instances = [start_instance(env, workdir, number) for number in (1, 2)]
        for instance in instances:
            stack.callback(instance.stop)
        http_port, https_port = free_port(), free_port()
        values = {
            "YOGAFLOW_UPSTREAMS": " ".join(
                f"server {HOST}:{i.port} max_fails=1 fail_timeout=5s;" for i in instances
            ),
            "SERVER_NAME": HOST,
            "NGINX_HTTP_LISTEN": f"{HOST}:{http_port}",
            "NGINX_HTTPS_LISTEN": f"{HOST}:{https_port}",
            "TLS_CERTIFICATE": str(cert),
            "TLS_CERTIFICATE_KEY": str(key),
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "NGINX_ACCESS_LOG": str(workdir / "nginx-access.log"),
        }
        stack.enter_context(nginx(workdir, values, env))
        tls = ssl.create_default_context(cafile=str(cert))
        wait_until(lambda: _answers(https_port, "/readyz", tls), timeout=30, what="nginx")
        setup_seconds = time.monotonic() - started

        curated = Client(https_port, tls=tls).request("GET", "/api/v1/sequences?page_size=50")
        slugs = [row["slug"] for row in curated.json()["results"]]
        edge = edge_checks(https_port, http_port, tls)
        one_site = one_site_checks(instances[0].port, instances[1].port, slugs[0])

        log = Log()
        begin = time.monotonic()
        journey = Journey(
            https_port, tls, log, begin + args.seconds, begin + 3 * args.seconds, slugs
        )
        threads = [
            threading.Thread(target=journey.practitioner, args=(n,), daemon=True)
            for n in range(args.users)
        ]
        for thread in threads:
            thread.start()
            time.sleep(args.ramp / max(args.users, 1))
        # The kill comes at --kill-after, or later once every practitioner has recorded a
        # practice (sign-ups and logins take a while on a busy machine), before the deadline.
        kill_at = begin + args.kill_after
        latest = begin + 2 * args.seconds
        while time.monotonic() < latest and (
            time.monotonic() < kill_at or len(journey.recorded) < args.users
        ):
            time.sleep(0.1)
        killed_at = time.monotonic()
        instances[0].kill()
        dead_at = time.monotonic()
        for thread in threads:
            thread.join(timeout=3 * args.seconds + 120)
        ended = time.monotonic()
        checked = verify(env, workdir, journey)
        access = (workdir / "access.log").read_text().splitlines()
        checked["access_log_lines"] = len(access)
        checked["access_log_all_json"] = bool(access) and all(_is_json(line) for line in access)

    rows = log.rows
    failures = [r for r in rows if r[1] == 0 or r[1] >= 500]
    # In flight at the kill: sent before the instance was gone (its port closed, see
    # Instance.kill), answered after it was killed.
    in_flight = [r for r in failures if r[2] <= dead_at and r[3] >= killed_at]
    other = [r for r in failures if r not in in_flight]
    client_errors = Counter(r[0] for r in rows if 400 <= r[1] < 500)
    result = {
        "mode": "short" if args.short else "full",
        "users": args.users,
        "seconds": round(ended - begin, 1),
        "workers_per_instance": args.workers,
        "setup_seconds": round(setup_seconds, 1),
        "release_output": release.strip().splitlines()[-3:],
        "requests": len(rows),
        "requests_per_second": round(len(rows) / max(ended - begin, 0.001), 1),
        "p50_ms": round(percentile([r[3] - r[2] for r in rows], 0.50) * 1000, 1),
        "p95_ms": round(percentile([r[3] - r[2] for r in rows], 0.95) * 1000, 1),
        "p99_ms": round(percentile([r[3] - r[2] for r in rows], 0.99) * 1000, 1),
        "statuses": dict(sorted(Counter(str(r[1]) for r in rows).items())),
        "client_errors": dict(client_errors),
        "killed_after_seconds": round(killed_at - begin, 1),
        "errors_in_flight_at_kill": len(in_flight),
        "errors_in_flight_detail": sorted(f"{r[0]} -> {r[1]}" for r in in_flight),
        "errors_otherwise": len(other),
        "errors_otherwise_detail": sorted(f"{r[0]} -> {r[1]}" for r in other)[:20],
        "practices_sent": len(journey.sent),
        "practices_answered": len(journey.recorded),
        **checked,
        "one_site": one_site,
        "edge": edge,
        "journey_problems": journey.problems,
    }
    result["passed"] = (
        all(value for name, value in one_site.items() if not name.startswith("_"))
        and all(edge.values())
        and not journey.problems
        and result["errors_otherwise"] == 0
        and not client_errors
        and checked["lost"] == 0
        and checked["duplicated_sessions"] == 0
        and checked["badges_duplicated"] == 0
        and checked["badges_missed"] == 0
        and checked["users"] == args.users
        and checked["access_log_all_json"]
        and result["practices_sent"] > 0
    )
    return result


def edge_checks(https_port: int, http_port: int, tls: ssl.SSLContext) -> dict[str, bool]:
    """What nginx itself does: redirects, static files, headers, the body limit."""
    plain = Client(http_port, tls=None)
    plain_home = plain.request("GET", "/")
    plain_health = Client(http_port, tls=None).request("GET", "/healthz")
    secure = Client(https_port, tls=tls)
    home = secure.request("GET", "/")
    found = re.search(r'href="(/static/[^"]+\.css)"', home.body.decode())
    css = found.group(1) if found else ""
    asset = secure.request("GET", css)
    big = secure.request("POST", "/api/v1/auth/login", body={"email": "x" * (3 * 1024 * 1024)})
    return {
        "plain HTTP redirects to HTTPS (health checks excepted)": plain_home.status == 301
        and plain_health.status == 200,
        "pages carry HSTS and the Content-Security-Policy through nginx": home.status == 200
        and "Strict-Transport-Security" in home.headers
        and "script-src 'self'" in home.headers.get("Content-Security-Policy", ""),
        "nginx serves hashed static files for a year": asset.status == 200
        and "immutable" in asset.headers.get("Cache-Control", "")
        and ".css" in css
        and css.count(".") >= 2,
        "a body over the app's limit gets the app's 413 error shape, not nginx's page": big.status
        == 413
        and big.headers.get("Content-Type", "").startswith("application/json"),
    }


def table(result: dict) -> str:
    lines = [
        f"| figure | {result['mode']} run |",
        "| --- | --- |",
        f"| practitioners at once | {result['users']} |",
        f"| duration | {result['seconds']} s (one instance killed at "
        f"{result['killed_after_seconds']} s) |",
        f"| gunicorn workers per instance | {result['workers_per_instance']} |",
        f"| requests | {result['requests']} ({result['requests_per_second']}/s) |",
        f"| latency p50 / p95 / p99 | {result['p50_ms']} / {result['p95_ms']} / "
        f"{result['p99_ms']} ms |",
        f"| answers by status | {', '.join(f'{k}: {v}' for k, v in result['statuses'].items())} |",
        f"| errors in flight at the kill | {result['errors_in_flight_at_kill']} "
        f"({'; '.join(result['errors_in_flight_detail']) or 'none'}) |",
        f"| errors otherwise | {result['errors_otherwise']} |",
        f"| practices sent / stored / lost | {result['practices_sent']} / {result['stored']} / "
        f"{result['lost']} |",
        f"| gunicorn access log | {result['access_log_lines']} lines, "
        f"{'all JSON' if result['access_log_all_json'] else 'NOT all JSON'} |",
        f"| badges earned / duplicated / missed | {result['badges']} / "
        f"{result['badges_duplicated']} / {result['badges_missed']} |",
    ]
    for name, ok in {**result["one_site"], **result["edge"]}.items():
        if name.startswith("_"):
            continue
        lines.append(f"| {name} | {'yes' if ok else 'NO'} |")
    lines.append(f"| **passed** | {'yes' if result['passed'] else 'NO'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="the CI form: 4 users, 15 s")
    parser.add_argument("--users", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--kill-after", type=float)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    defaults = (4, 15.0) if args.short else (16, 90.0)
    args.users = args.users or defaults[0]
    args.seconds = args.seconds or defaults[1]
    args.kill_after = args.kill_after or args.seconds / 2
    args.ramp = min(5.0, args.seconds / 4)
    result = run(args)
    print(table(result))
    if args.write_docs:
        write_docs(result)
    print("JSON " + json.dumps(result))
    sys.exit(0 if result["passed"] else 1)


def write_docs(result: dict) -> None:
    path = ROOT / "docs" / "scale.md"
    text = path.read_text()
    start, end = "<!-- scale-test figures -->", "<!-- end of scale-test figures -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    path.write_text(
        f"{head}{start}\nRun {stamp}, `make scale-test`:\n\n{table(result)}\n\n{end}{tail}"
    )


if __name__ == "__main__":
    main()
