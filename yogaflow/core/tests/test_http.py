"""Where to go next and who is asking: the request helpers every app's views use."""

import pytest
from django.test import RequestFactory

from yogaflow.core.http import client_ip, safe_next

requests = RequestFactory()


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/sequences/?style=yin", "/sequences/?style=yin"),
        ("https://evil.example.com/", ""),
        ("//evil.example.com/", ""),
        ("", ""),
    ],
)
def test_safe_next_keeps_only_addresses_on_this_site(target, expected):
    assert safe_next(requests.get("/", {"next": target})) == expected


def test_safe_next_reads_the_posted_value_first():
    request = requests.post("/?next=/from-query/", {"next": "/from-form/"})

    assert safe_next(request) == "/from-form/"


def test_client_ip_ignores_forwarded_for_without_proxies(settings):
    settings.NUM_PROXIES = 0
    request = requests.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")

    assert client_ip(request) == "10.0.0.1"


def test_client_ip_takes_the_address_the_trusted_proxy_saw(settings):
    settings.NUM_PROXIES = 1
    request = requests.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")

    assert client_ip(request) == "203.0.113.7"
