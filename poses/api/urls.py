"""Pose API routes, mounted at /api/v1/ by yogaflow.api.urls.

As in the auth API, paths have no trailing slash; the same path with one is
accepted too (left out of the schema).
"""

from django.urls import path

from poses.api import views


def _route(route: str, view, name: str) -> list:
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}/", view.as_view(schema=None)),
    ]


urlpatterns = [
    *_route("poses", views.PoseCollectionView, "api-poses"),
    *_route("poses/<slug:slug>", views.PoseDetailView, "api-pose"),
    *_route("poses/<slug:slug>/image", views.PoseImageView, "api-pose-image"),
]
