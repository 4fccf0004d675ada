from django.urls import path


def api_route(route: str, view, name: str) -> list:
    """The route without a trailing slash (documented) and with one (accepted, undocumented)."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}/", view.as_view(schema=None)),
    ]
