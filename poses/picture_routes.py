"""Picture addresses for pages that write a hundred of them: the route reversed once, then
joined to each slug (poses.pictures reverses per call).

Apart from poses/pictures.py on purpose: that file's own bytes are part of every transition's
version (`_TRANSITION_SOURCE`), so a change there, even to how an address is written, would give
every transition a new address.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from poses.pictures import FIGURE_ROUTES, SIDES, TRANSITION_ROUTE, figure_url, transition_url

# What the route's <slug:…> converter accepts (django.urls.converters.SlugConverter).
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@lru_cache(maxsize=16)
def _transition_route(
    sides: tuple[str, str], prefix: str, urlconf: str | None
) -> tuple[str, str, str]:
    """The transition route around its two slugs, reversed once per pair of sides, script
    prefix and URLconf (as yogaflow.core.urls.slug_url does for one slug)."""
    kwargs = {"slug": "slug-mark-from", "to": "slug-mark-to", "side_from": sides[0]}
    url = reverse(TRANSITION_ROUTE, kwargs={**kwargs, "side_to": sides[1]}, urlconf=urlconf)
    before, _, rest = url.partition("slug-mark-from")
    middle, _, after = rest.partition("slug-mark-to")
    return before, middle, after


def transition_src(
    slug_from: str, slug_to: str, *, sides: tuple[str, str] = ("right", "right"), version=""
) -> str:
    """poses.pictures.transition_url, the same address, without a reverse() per call."""
    return PictureAddresses().transition(slug_from, slug_to, sides=sides, version=version)


@lru_cache(maxsize=16)
def _figure_route(side: str, prefix: str, urlconf) -> tuple[str, str]:
    url = reverse(FIGURE_ROUTES[side], kwargs={"slug": "slug-mark-figure"}, urlconf=urlconf)
    before, _, after = url.partition("slug-mark-figure")
    return before, after


class PictureAddresses:
    """Figure and transition addresses for one answer (a player of a hundred steps writes
    three hundred): the script prefix and URLconf read once, not once per address. Each
    address is the one poses.pictures.figure_url / transition_url writes."""

    def __init__(self):
        self._root = (get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))

    def figure(self, slug: str, *, side: str = "right", version: str = "") -> str:
        if side not in SIDES or not slug:
            return figure_url(slug, side=side, version=version)  # its errors
        before, after = _figure_route(side, *self._root)
        return f"{before}{slug}{after}?v={version}" if version else f"{before}{slug}{after}"

    def transition(
        self, slug_from: str, slug_to: str, *, sides: tuple[str, str], version: str = ""
    ) -> str:
        sides = tuple(sides)
        valid = len(sides) == 2 and all(side in SIDES for side in sides)
        if not (valid and _SLUG.fullmatch(slug_from) and _SLUG.fullmatch(slug_to)):
            return transition_url(slug_from, slug_to, sides=sides, version=version)
        before, middle, after = _transition_route(sides, *self._root)
        url = f"{before}{slug_from}{middle}{slug_to}{after}"
        return f"{url}?v={version}" if version else url
