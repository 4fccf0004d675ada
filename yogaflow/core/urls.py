"""Addresses of objects by slug, without a `reverse()` per object.

A page of cards names twenty objects, a 100-step storyboard a hundred: `reverse()` walks the
URL resolver each time. The route around a slug is the same for every object, so it is
reversed once per route name, script prefix and URLconf, and the slug is put in between.
Slugs are letters, digits, hyphens and underscores, which `reverse()` leaves as they are, so
the address is the same string `reverse()` would give; anything else goes through it.
"""

import re
from functools import lru_cache

from django.conf import settings
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
