"""Sequence and favorite API routes, mounted at /api/v1/ by yogaflow.api.urls.

As in the auth API, paths have no trailing slash; the same path with one is
accepted too (left out of the schema).
"""

from django.urls import path

from sequences.api import views


def _route(route: str, view, name: str) -> list:
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}/", view.as_view(schema=None)),
    ]


urlpatterns = [
    *_route("sequences", views.SequenceCollectionView, "api-sequences"),
    *_route("sequences/<slug:slug>", views.SequenceDetailView, "api-sequence"),
    *_route(
        "sequences/<slug:slug>/duplicate", views.SequenceDuplicateView, "api-sequence-duplicate"
    ),
    *_route("sequences/<slug:slug>/favorite", views.SequenceFavoriteView, "api-sequence-favorite"),
    *_route("favorites", views.FavoriteCollectionView, "api-favorites"),
]
