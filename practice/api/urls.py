"""Practice API routes, mounted at /api/v1/ by yogaflow.api.urls (no trailing slash)."""

from practice.api import stats_views, views
from yogaflow.core.api.routes import api_route

urlpatterns = [
    *api_route("sessions", views.SessionCollectionView, "api-sessions"),
    *api_route("sessions/<int:pk>", views.SessionDetailView, "api-session"),
    *api_route("stats", stats_views.StatsView, "api-stats"),
]
