"""Addresses of objects by slug, of routes and of static files, without a resolver walk or a
storage lookup each time a page names them.

A page of cards names twenty objects, a 100-step storyboard a hundred: `reverse()` walks the
URL resolver each time. The route around a slug is the same for every object, so it is
reversed once per route name, script prefix and URLconf, and the slug is put in between.
Slugs are letters, digits, hyphens and underscores, which `reverse()` leaves as they are, so
the address is the same string `reverse()` would give; anything else goes through it.

Every page's header names a dozen routes without arguments and twenty static files: their
addresses are the same for every request under one script prefix, URLconf and storage, so
`route_url` and `static_url` keep them (a changed STATIC_URL or storage setting, as tests
make, empties `static_url`'s memory).
"""

import re
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

_MARK = "slug-mark-0"
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@lru_cache(maxsize=128)
def _around_slug(name: str, prefix: str, urlconf: str | None) -> tuple[str, str]:
    url = reverse(name, kwargs={"slug": _MARK}, urlconf=urlconf)
    before, _, after = url.partition(_MARK)
    return before, after


def slug_url(name: str, slug: str) -> str:
    """`reverse(name, kwargs={"slug": slug})`, the same string, reversed once per route.

    Raises NoReverseMatch as reverse() does (an unknown name, or a slug the route refuses).
    """
    if not _PLAIN_SLUG.fullmatch(slug or ""):
        return reverse(name, kwargs={"slug": slug})
    before, after = _around_slug(name, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    return f"{before}{slug}{after}"


_PK_MARK = 9_173_402_651


@lru_cache(maxsize=128)
def _around_pk(name: str, prefix: str, urlconf: str | None) -> tuple[str, str]:
    url = reverse(name, kwargs={"pk": _PK_MARK}, urlconf=urlconf)
    before, _, after = url.partition(str(_PK_MARK))
    return before, after


def pk_url(name: str, pk: int) -> str:
    """`reverse(name, kwargs={"pk": pk})` for a route taking an `<int:pk>`, the same string,
    reversed once per route (a history page names twenty sessions). Anything but a
    non-negative int goes through reverse(), which raises NoReverseMatch as it would."""
    if type(pk) is not int or pk < 0:
        return reverse(name, kwargs={"pk": pk})
    before, after = _around_pk(name, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    return f"{before}{pk}{after}"


@lru_cache(maxsize=256)
def _route(name: str, prefix: str, urlconf: str | None) -> str:
    return reverse(name, urlconf=urlconf)


def route_url(name: str) -> str:
    """`reverse(name)` for a route without arguments, the same string, reversed once per
    script prefix and URLconf. Raises NoReverseMatch as reverse() does."""
    return _route(name, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))


@lru_cache(maxsize=256)
def _static(path: str, prefix: str) -> str:
    return static(path)


def static_url(path: str) -> str:
    """`{% static path %}`'s address (the hashed name under the manifest storage), looked up
    once per path and script prefix. Raises as static() does (ValueError for a file missing
    from the manifest); a failure is not remembered."""
    return _static(path, get_script_prefix())


STATIC_SETTINGS = {"STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_DIRS", "DEBUG"}


@receiver(setting_changed)
def _forget_static_urls(*, setting: str, **_kwargs) -> None:
    if setting in STATIC_SETTINGS:
        _static.cache_clear()
