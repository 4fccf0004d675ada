"""Panels: places on a lower app's page where a higher app shows its part.

The pose page lists the sequences that use the pose, and the profile lists the poses a
practitioner rated, yet poses never imports sequences and accounts never imports poses. A
higher app registers a panel for a named place in its AppConfig.ready (as it connects to a
lower app's signals); the page's template renders `{% panels "place" name=value %}`, which
includes each registered template with the context its function returns. Places and the
keyword arguments each one passes are listed in PLACES.
"""

from collections.abc import Callable
from dataclasses import dataclass

PLACES = {
    "pose_detail": "after the pose's own sections; kwargs: pose",
    "profile": "after the profile form; kwargs: none",
}


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[..., dict | None]


_registry: dict[str, list[Panel]] = {}


def register_panel(place: str, *, template: str, context: Callable[..., dict | None]) -> None:
    """Show `template` at `place`; `context(request, **kwargs)` returns its context, or None to
    show nothing. Registering the same template twice at a place (a reloaded app) keeps one."""
    if place not in PLACES:
        raise ValueError(f"Unknown panel place {place!r}; known: {', '.join(PLACES)}.")
    panels = _registry.setdefault(place, [])
    panels[:] = [panel for panel in panels if panel.template != template]
    panels.append(Panel(template=template, context=context))


def panels_at(place: str) -> list[Panel]:
    """The panels registered at `place`, in registration (app) order."""
    return list(_registry.get(place, ()))
