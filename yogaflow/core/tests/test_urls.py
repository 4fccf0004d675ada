"""slug_url gives the very string reverse() gives, for every slug and route, and fails alike."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from yogaflow.core.urls import slug_url

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
