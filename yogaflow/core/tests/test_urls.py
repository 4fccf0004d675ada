"""slug_url gives the very string reverse() gives, for every slug and route, and fails alike."""

import pytest
from django.templatetags.static import static
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from yogaflow.core.urls import pk_url, route_url, slug_url, static_url

ROUTES = ["poses:detail", "sequences:detail", "sequences:favorite", "practice:player"]


@settings(deadline=None)
@given(
    name=st.sampled_from(ROUTES),
    slug=st.from_regex(r"[-a-zA-Z0-9_]{1,40}", fullmatch=True),
)
def test_it_matches_reverse_for_any_slug(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


@pytest.mark.parametrize("slug", ["", "a b", "é", "a/b", "a?b"])
def test_a_slug_the_route_refuses_raises_as_reverse_does(slug):
    with pytest.raises(NoReverseMatch):
        reverse("poses:detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        slug_url("poses:detail", slug)


def test_it_follows_the_script_prefix():
    set_script_prefix("/yoga/")
    try:
        assert slug_url("poses:detail", "tree") == "/yoga/poses/tree/"
    finally:
        set_script_prefix("/")
    assert slug_url("poses:detail", "tree") == "/poses/tree/"


@override_settings(ROOT_URLCONF="yogaflow.urls")
def test_an_unknown_route_raises():
    with pytest.raises(NoReverseMatch):
        slug_url("poses:nowhere", "tree")


NAMED_ROUTES = ["home", "poses:library", "sequences:catalog", "practice:history", "accounts:login"]


@pytest.mark.parametrize("name", NAMED_ROUTES)
def test_route_url_matches_reverse_and_follows_the_script_prefix(name):
    assert route_url(name) == reverse(name)
    set_script_prefix("/yoga/")
    try:
        assert route_url(name) == reverse(name)
        assert route_url(name).startswith("/yoga/")
    finally:
        set_script_prefix("/")
    assert route_url(name) == reverse(name)


def test_route_url_of_an_unknown_route_raises():
    with pytest.raises(NoReverseMatch):
        route_url("poses:nowhere")


@pytest.mark.parametrize("path", ["css/base.css", "img/logo.svg", "js/offline.js"])
def test_static_url_matches_the_static_tag_and_follows_its_settings(path):
    assert static_url(path) == static(path)
    with override_settings(STATIC_URL="https://cdn.example.com/assets/"):
        assert static_url(path) == static(path) == f"https://cdn.example.com/assets/{path}"
    assert static_url(path) == static(path)


def test_templates_tags_write_what_url_and_static_write():
    from django.template import Context, Template

    ours = Template(
        "{% load slug_urls %}{% route_url 'poses:library' %} {% static_url 'css/base.css' %}"
    )
    django = Template("{% load static %}{% url 'poses:library' %} {% static 'css/base.css' %}")
    assert ours.render(Context()) == django.render(Context())


@settings(deadline=None)
@given(pk=st.integers(min_value=0, max_value=2**63 - 1))
def test_pk_url_matches_reverse_for_any_id(pk):
    assert pk_url("practice:session", pk) == reverse("practice:session", kwargs={"pk": pk})


def test_pk_url_follows_the_script_prefix_and_fails_as_reverse_does():
    set_script_prefix("/yoga/")
    try:
        assert pk_url("practice:session", 12) == "/yoga/practice/sessions/12/"
    finally:
        set_script_prefix("/")
    for pk in ("12", -3, "x"):
        try:
            expected = reverse("practice:session", kwargs={"pk": pk})
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                pk_url("practice:session", pk)
        else:
            assert pk_url("practice:session", pk) == expected
