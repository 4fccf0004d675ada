"""Issue 15: addresses a long answer writes a hundred of are joined from parts read once, and
are, character for character, what the per-call functions write: absolute URLs
(`absolute_urls` vs `request.build_absolute_uri`) and transitions (`picture_routes` vs
`pictures.transition_url`), under any script prefix."""

import pytest
from django.test import RequestFactory, override_settings
from django.urls import clear_script_prefix, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from poses.api.serializers import absolute_urls
from poses.picture_routes import PictureAddresses, transition_src
from poses.pictures import SIDES, figure_url, transition_url

paths = st.text(alphabet=st.sampled_from("/./ab-_?=&#%: äé\"<>\\'~+@"), max_size=24)
slugs = st.text(alphabet=st.sampled_from("ab-_9Ä. /"), min_size=0, max_size=8)


@pytest.mark.parametrize(
    "host, secure", [("testserver", False), ("yoga.example:8443", True), ("[::1]:8000", False)]
)
@settings(deadline=None)  # the first call loads the URLconf
@override_settings(ALLOWED_HOSTS=["testserver", "yoga.example", "[::1]"])
@given(url=st.one_of(st.none(), paths, st.just("https://img.example/ä b.jpg?x=1&y=2")))
def test_absolute_urls_are_what_build_absolute_uri_writes(host, secure, url):
    request = RequestFactory().get("/api/v1/sequences/x", HTTP_HOST=host, secure=secure)

    assert absolute_urls(request)(url) == (url if url is None else request.build_absolute_uri(url))
    assert absolute_urls(None)(url) == url


@pytest.mark.parametrize("prefix", ["/", "/yoga/"])
@settings(deadline=None)
@given(
    slug_from=slugs,
    slug_to=slugs,
    sides=st.tuples(st.sampled_from(SIDES), st.sampled_from(SIDES)),
    version=st.sampled_from(["", "0123abcd0123abcd"]),
)
def test_transition_addresses_are_what_transition_url_writes(
    prefix, slug_from, slug_to, sides, version
):
    set_script_prefix(prefix)
    try:
        try:
            expected = transition_url(slug_from, slug_to, sides=sides, version=version)
        except Exception as error:  # noqa: BLE001 (the same error, whichever it is)
            with pytest.raises(type(error)):
                transition_src(slug_from, slug_to, sides=sides, version=version)
            return
        assert transition_src(slug_from, slug_to, sides=sides, version=version) == expected
    finally:
        clear_script_prefix()


@pytest.mark.parametrize("prefix", ["/", "/yoga/"])
@settings(deadline=None)
@given(
    slug=slugs,
    side=st.sampled_from([*SIDES, "both"]),
    version=st.sampled_from(["", "0123abcd0123abcd"]),
)
def test_figure_addresses_are_what_figure_url_writes(prefix, slug, side, version):
    set_script_prefix(prefix)
    try:
        try:
            expected = figure_url(slug, side=side, version=version)
        except ValueError:
            with pytest.raises(ValueError):
                PictureAddresses().figure(slug, side=side, version=version)
            return
        assert PictureAddresses().figure(slug, side=side, version=version) == expected
    finally:
        clear_script_prefix()
