"""The deploy files are tested, not decorative: the scripts the container runs, the nginx site
and gunicorn's settings, exercised outside Docker (no Docker daemon on the CI machines).

The scale-out test (`deploy/scale_test.py --short`) starts two gunicorn instances through
deploy/bin/web.sh behind Debian's nginx with the rendered site, on private PostgreSQL and
Redis, after deploy/bin/migrate-and-load.sh; the backup test runs deploy/bin/backup.sh and
restore.sh into a fresh database.
"""

import json
import logging
import os
import runpy
import shutil
import signal
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from yogaflow.core.testing.servers import app_env, postgres_cluster, require_binary

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent


def script_env(**overrides) -> dict:
    return app_env(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}", **overrides)


def run(command: list[str], env: dict, timeout: int = 300) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# --- what the container runs ---------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_every_compose_service_has_a_health_check():
    services = compose()["services"]

    assert {"db", "redis", "migrate", "app", "worker", "nginx"} <= set(services)
    assert [name for name, service in services.items() if "healthcheck" not in service] == []


def test_the_containers_run_the_scripts_the_scale_test_runs():
    services = compose()["services"]
    dockerfile = (DEPLOY / "Dockerfile").read_text()

    assert services["migrate"]["command"] == ["deploy/bin/migrate-and-load.sh"]
    assert services["app"]["command"] == ["deploy/bin/web.sh"]
    assert 'CMD ["deploy/bin/web.sh"]' in dockerfile
    assert "USER yogaflow" in dockerfile and dockerfile.count("FROM ") == 2
    for script in ("migrate-and-load.sh", "web.sh", "backup.sh", "restore.sh"):
        path = DEPLOY / "bin" / script
        assert os.access(path, os.X_OK), path
    scale_test = (DEPLOY / "scale_test.py").read_text()
    assert "migrate-and-load.sh" in scale_test and '"web.sh"' in scale_test
    assert "render_nginx.py" in scale_test


def test_nginx_lets_through_every_body_the_app_accepts_and_compose_says_the_same(settings):
    sys.path.insert(0, str(ROOT))
    from deploy.render_nginx import client_max_body_size
    from poses.images import max_bytes

    limit = client_max_body_size()

    assert limit.endswith("m")
    allowed = int(limit[:-1]) * 1024 * 1024
    assert allowed > max_bytes() and allowed > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert allowed - max_bytes() <= 2 * 1024 * 1024
    nginx_env = compose()["services"]["nginx"]["environment"]
    assert nginx_env["NGINX_CLIENT_MAX_BODY_SIZE"] == limit


def test_the_nginx_template_needs_every_value_and_keeps_nginx_variables():
    sys.path.insert(0, str(ROOT))
    from deploy.render_nginx import PLACEHOLDER, TEMPLATE, render

    template = TEMPLATE.read_text()
    names = set(PLACEHOLDER.findall(template))
    nginx_env = compose()["services"]["nginx"]["environment"]

    assert names == set(nginx_env)  # compose gives the image's envsubst every value
    with pytest.raises(KeyError):
        render(template, {})
    rendered = render(template, {name: f"<{name}>" for name in names})
    assert "${" not in rendered
    assert "$proxy_add_x_forwarded_for" in rendered and "$request_id" in rendered


# The nginx image's own site (conf.d/default.conf), loaded before ours (alphabetical order).
IMAGE_DEFAULT_SITE = """
server {
    listen %(listen)s;
    server_name localhost;
    location / { return 200 "nginx's welcome page\\n"; }
}
"""


def test_our_site_is_the_default_server_of_each_port_it_listens_on():
    sys.path.insert(0, str(ROOT))
    from deploy.render_nginx import PLACEHOLDER, TEMPLATE, render

    template = TEMPLATE.read_text()
    rendered = render(template, {name: f"<{name}>" for name in PLACEHOLDER.findall(template)})
    listens = [line.strip() for line in rendered.splitlines() if line.strip().startswith("listen ")]

    assert len(listens) == 2
    assert all(line.endswith(" default_server;") for line in listens), listens


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.servers
def test_a_request_by_address_reaches_our_site_beside_the_nginx_images_default_site(tmp_path):
    """What compose's health check does (curl http://127.0.0.1/nginx-health) on a real nginx,
    with the image's default site loaded first on the same port."""
    sys.path.insert(0, str(ROOT))
    from deploy.scale_test import certificate, nginx_binary, nginx_conf
    from yogaflow.core.testing.servers import free_port, http, wait_until

    binary = nginx_binary()
    require_binary("openssl")
    tmp_path.chmod(0o755)
    cert, key = certificate(tmp_path)
    http_listen = f"127.0.0.1:{free_port()}"
    values = {
        "YOGAFLOW_UPSTREAMS": f"server 127.0.0.1:{free_port()};",
        "SERVER_NAME": "yogaflow.example.com",
        "NGINX_HTTP_LISTEN": http_listen,
        "NGINX_HTTPS_LISTEN": f"127.0.0.1:{free_port()}",
        "TLS_CERTIFICATE": str(cert),
        "TLS_CERTIFICATE_KEY": str(key),
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "NGINX_ACCESS_LOG": str(tmp_path / "access.log"),
    }
    site = run([str(BIN / "python"), str(DEPLOY / "render_nginx.py")], script_env(**values))
    conf = nginx_conf(tmp_path, IMAGE_DEFAULT_SITE % {"listen": http_listen} + site.stdout)
    run([binary, "-t", "-p", str(tmp_path), "-c", str(conf)], dict(os.environ))
    process = subprocess.Popen(
        [binary, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://{http_listen}"
        port = int(http_listen.rsplit(":", 1)[1])
        wait_until(lambda: _listening(port), timeout=15, what="nginx")
        by_address = http("GET", url + "/nginx-health")
        by_name = http("GET", url + "/about/", headers={"Host": "yogaflow.example.com"})
        by_localhost = http("GET", url + "/", headers={"Host": "localhost"})
    finally:
        os.killpg(process.pid, signal.SIGQUIT)
        process.wait(timeout=15)

    assert (by_address.status, by_address.body) == (200, b"ok\n")
    assert by_name.status == 301  # our site: plain HTTP goes to HTTPS
    assert by_localhost.body == b"nginx's welcome page\n"  # the other site is still there


# --- gunicorn's settings -------------------------------------------------------------------


def gunicorn_settings(**env) -> dict:
    old = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_gunicorn_takes_its_workers_from_the_cores_or_the_environment():
    import multiprocessing

    assert gunicorn_settings()["workers"] == min(2 * multiprocessing.cpu_count() + 1, 9)
    configured = gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="45")
    assert configured["workers"] == 3
    assert configured["timeout"] == 45
    assert configured["control_socket_disable"] is True


def test_gunicorns_access_log_is_json_lines_without_secrets(tmp_path):
    from gunicorn.config import Config

    logger_class = gunicorn_settings()["JsonAccessLogger"]
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    logger = logger_class(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/accounts/reset/MTI/cb7x2k-0a1b2c3d4e5f/",
        "QUERY_STRING": "token=abc123&page=2",
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="200 OK", status_code=200, sent=123)

    logger.access(response, None, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()

    line = json.loads((tmp_path / "access.log").read_text().strip().splitlines()[-1])
    assert line["status"] == 200 and line["method"] == "GET" and line["duration_ms"] == 12.0
    assert "cb7x2k" not in json.dumps(line) and "abc123" not in json.dumps(line)
    assert line["query"].endswith("page=2")
    logging.getLogger("gunicorn.access").handlers.clear()


# --- with real servers ---------------------------------------------------------------------


@pytest.mark.servers
def test_backup_then_restore_into_a_fresh_database_keeps_every_row(tmp_path):
    require_binary("pg_dump")
    with postgres_cluster() as cluster:
        source = cluster.create_database("yogaflow")
        env = script_env(
            DATABASE_URL=source,
            STATIC_ROOT=str(tmp_path / "static"),
            DJANGO_SUPERUSER_EMAIL="staff@example.com",
            DJANGO_SUPERUSER_PASSWORD="Staff-Pass-2026",
        )
        release = DEPLOY / "bin" / "migrate-and-load.sh"
        run([str(release)], env)
        # A second release changes nothing and keeps the staff account.
        again = run([str(release)], env)
        assert "exists: left as it is" in again.stdout
        count = (
            "from django.apps import apps; import json; print(json.dumps({m._meta.label: "
            "m.objects.count() for m in apps.get_models() if m._meta.managed}))"
        )
        run(
            [
                str(BIN / "python"),
                "manage.py",
                "shell",
                "-c",
                "from accounts.models import User; from practice.tests.factories import "
                "PracticeSessionFactory; u = User.objects.create_user(email='yogi@example.com', "
                "password='Yogi-Pass-2026'); [PracticeSessionFactory(user=u) for _ in range(3)]",
            ],
            env,
        )
        before = json.loads(
            run([str(BIN / "python"), "manage.py", "shell", "-c", count], env)
            .stdout.strip()
            .splitlines()[-1]
        )

        dump = run([str(DEPLOY / "bin" / "backup.sh"), str(tmp_path / "b" / "yf.dump")], env)
        assert dump.stdout.strip().endswith("yf.dump")
        assert (tmp_path / "b" / "yf.dump").stat().st_mode & 0o077 == 0  # the owner's only
        fresh = cluster.create_database("restored")
        run(
            [str(DEPLOY / "bin" / "restore.sh"), str(tmp_path / "b" / "yf.dump")],
            {**env, "DATABASE_URL": fresh},
        )
        after = json.loads(
            run(
                [str(BIN / "python"), "manage.py", "shell", "-c", count],
                {**env, "DATABASE_URL": fresh},
            )
            .stdout.strip()
            .splitlines()[-1]
        )

    assert after == before
    assert before["accounts.User"] == 2 and before["practice.PracticeSession"] == 3
    assert before["poses.Pose"] > 50


@pytest.mark.servers
def test_two_instances_behind_nginx_act_as_one_site_and_lose_nothing_when_one_dies():
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        require_binary("nginx")
    for binary in ("pg_createcluster", "redis-server", "openssl"):
        require_binary(binary)

    result = subprocess.run(
        [sys.executable, str(DEPLOY / "scale_test.py"), "--short"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )

    lines = [line for line in result.stdout.splitlines() if line.startswith("JSON ")]
    assert lines, result.stdout + result.stderr[-3000:]
    report = json.loads(lines[-1].removeprefix("JSON "))
    assert report["lost"] == 0 and report["practices_sent"] > 0, result.stdout
    assert report["errors_otherwise"] == 0, result.stdout
    assert report["badges_duplicated"] == 0 and report["badges_missed"] == 0, result.stdout
    assert all(v for k, v in report["one_site"].items() if not k.startswith("_")), result.stdout
    assert all(report["edge"].values()), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
