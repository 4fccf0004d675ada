"""Sequence and favorite API routes, mounted at /api/v1/ by yogaflow.api.urls.

As in the auth API, paths have no trailing slash; the same path with one is
accepted too (left out of the schema).
"""

from sequences.api import views
from yogaflow.core.api.routes import api_route

urlpatterns = [
    *api_route("sequences", views.SequenceCollectionView, "api-sequences"),
    *api_route("sequences/generate", views.GenerateView, "api-sequences-generate"),
    *api_route("sequences/<slug:slug>", views.SequenceDetailView, "api-sequence"),
    *api_route(
        "sequences/<slug:slug>/duplicate", views.SequenceDuplicateView, "api-sequence-duplicate"
    ),
    *api_route("sequences/<slug:slug>/checks", views.SequenceChecksView, "api-sequence-checks"),
    *api_route(
        "sequences/<slug:slug>/favorite", views.SequenceFavoriteView, "api-sequence-favorite"
    ),
    *api_route("favorites", views.FavoriteCollectionView, "api-favorites"),
]
