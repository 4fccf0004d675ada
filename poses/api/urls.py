"""Pose API routes, mounted at /api/v1/ by yogaflow.api.urls.

As in the auth API, paths have no trailing slash; the same path with one is
accepted too (left out of the schema).
"""

from poses.api import views
from yogaflow.core.api.routes import api_route

urlpatterns = [
    *api_route("poses", views.PoseCollectionView, "api-poses"),
    # Before poses/{slug}, which would take "ratings" for a slug.
    *api_route("poses/ratings", views.PoseRatingCollectionView, "api-pose-ratings"),
    *api_route("poses/<slug:slug>", views.PoseDetailView, "api-pose"),
    *api_route("poses/<slug:slug>/image", views.PoseImageView, "api-pose-image"),
    *api_route("poses/<slug:slug>/rating", views.PoseRatingView, "api-pose-rating"),
]
