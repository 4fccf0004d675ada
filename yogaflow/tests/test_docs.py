"""Swagger UI and ReDoc are served from this site alone: nothing fetched from another host."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

DOCS_PAGES = ["/api/v1/docs/", "/api/v1/redoc/"]
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""", re.IGNORECASE)
REFERENCE = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|url:\s*"([^"]+)\"""")


def references(html: str) -> list[str]:
    return [first or second for first, second in REFERENCE.findall(html)]


@pytest.fixture
def docs_client(settings):
    # Tests run without collectstatic; let whitenoise serve from the finders as in development.
    settings.WHITENOISE_USE_FINDERS = True
    return Client()


@pytest.mark.parametrize("url", DOCS_PAGES)
def test_docs_page_names_no_other_host(docs_client, url):
    response = docs_client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    foreign = [found for found in ABSOLUTE_URL.findall(html) if urlsplit(found).hostname]
    assert foreign == []
    assert "fonts.googleapis" not in html


@pytest.mark.parametrize("url", DOCS_PAGES)
def test_every_asset_a_docs_page_references_loads(docs_client, url):
    html = docs_client.get(url).content.decode()
    assets = [ref for ref in references(html) if ref.startswith("/static/")]

    assert len(assets) >= 1
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), asset
        response = docs_client.get(asset)
        assert response.status_code == 200, asset
        assert b"".join(response.streaming_content), asset


@pytest.mark.parametrize("url", DOCS_PAGES)
def test_docs_page_loads_the_schema_from_this_site(docs_client, url):
    html = docs_client.get(url).content.decode()
    found = references(html)
    # Swagger UI's start-up script is the docs view's own ?script answer (no inline script).
    for ref in list(found):
        if ref.startswith(url) and "script" in ref:
            found += references(docs_client.get(ref).content.decode())
    schema_urls = [ref for ref in found if "/schema/" in ref]

    assert schema_urls == ["/api/v1/schema/"]
    assert docs_client.get(schema_urls[0]).status_code == 200


@pytest.mark.parametrize("url", DOCS_PAGES)
def test_docs_pages_tell_the_browser_to_load_from_this_site_only(docs_client, url):
    policy = docs_client.get(url)["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    for directive in ("script-src", "style-src", "img-src", "connect-src", "font-src"):
        assert "http" not in directives[directive] and "*" not in directives[directive]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("url", "heading"), [("/api/v1/docs/", "auth"), ("/api/v1/redoc/", "Log in")]
)
def test_docs_render_in_a_browser_without_reaching_another_host(page, live_server, url, heading):
    requested, blocked = [], []
    page.on("request", lambda request: requested.append(request.url))
    # ReDoc's bundle asks for a Redocly logo on a CDN; the page's policy must stop it.
    page.on(
        "requestfailed",
        lambda request: blocked.append(request.url) if request.failure == "csp" else None,
    )

    page.goto(url)
    page.get_by_role("heading", name=heading).first.wait_for()

    origin = urlsplit(live_server.url).netloc
    foreign = [seen for seen in requested if urlsplit(seen).netloc not in (origin, "")]
    assert [seen for seen in foreign if seen not in blocked] == []
    assert any(urlsplit(seen).path == "/api/v1/schema/" for seen in requested)
