"""The CSP middleware with the site's policy built once answers every response exactly as
django-csp's own middleware does."""

import pytest
from csp.constants import NONCE
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from yogaflow.core.headers import CSPMiddleware

HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-report/"}}


def _answer(middleware_class, path="/poses/", *, nonce=False, **attributes):
    request = RequestFactory().get(path)
    response = HttpResponse("ok")
    for name, value in attributes.items():
        setattr(response, name, value)

    def view(request):
        if nonce:
            str(request.csp_nonce)
        return response

    answer = middleware_class(view)(request)
    return request, {header: answer.get(header) for header in HEADERS}


CASES = {
    "plain": {},
    "a view's own update": {"_csp_update": {"img-src": ["https://example.org"]}},
    "a view's own replacement": {"_csp_replace": {"script-src": ["'self'", "cdn.example.org"]}},
    "a view's own config": {"_csp_config": {"default-src": ["'none'"]}},
    "exempt": {"_csp_exempt": True},
    "header already set": {"Content-Security-Policy": "default-src 'none'"},
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("report_only", [False, True])
def test_every_answer_carries_the_headers_django_csp_would_set(case, report_only, settings):
    if report_only:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = REPORT_ONLY
    attributes = {k: v for k, v in CASES[case].items() if k.startswith("_")}
    header = CASES[case].get("Content-Security-Policy")

    def answers(middleware_class):
        request = RequestFactory().get("/poses/")

        def view(request):
            response = HttpResponse("ok")
            for name, value in attributes.items():
                setattr(response, name, value)
            if header:
                response["Content-Security-Policy"] = header
            return response

        answer = middleware_class(view)(request)
        return {name: answer.get(name) for name in HEADERS}

    assert answers(CSPMiddleware) == answers(DjangoCSPMiddleware)


def test_a_nonce_asked_for_is_in_the_policy_as_django_csp_writes_it(settings):
    assert _answer(CSPMiddleware, nonce=True)[1] == _answer(DjangoCSPMiddleware, nonce=True)[1]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    request, headers = _answer(CSPMiddleware, nonce=True)
    assert f"'nonce-{request.csp_nonce}'" in headers["Content-Security-Policy"]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request, headers = _answer(CSPMiddleware)
    assert headers["Content-Security-Policy"]
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_excluded_paths_get_no_header(settings):
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "EXCLUDE_URL_PREFIXES": ["/skip/"],
    }
    assert _answer(CSPMiddleware, "/skip/this")[1]["Content-Security-Policy"] is None
    assert _answer(CSPMiddleware, "/poses/")[1]["Content-Security-Policy"]


def test_a_changed_policy_is_the_one_sent(settings):
    before = _answer(CSPMiddleware)[1]["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    after = _answer(CSPMiddleware)[1]["Content-Security-Policy"]
    assert after != before and after == _answer(DjangoCSPMiddleware)[1]["Content-Security-Policy"]
