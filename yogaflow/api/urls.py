"""The JSON API, version 1: every app's api/urls.py mounted in one place."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from yogaflow.api import account_views
from yogaflow.core.api.routes import api_route
from yogaflow.core.api.views import RedocView, SwaggerView, not_found

urlpatterns = [
    # "Your data" (yogaflow.account_data): auth/me gains DELETE, so it comes before accounts'.
    *api_route("auth/me", account_views.MeView, "api-me"),
    *api_route("auth/me/export", account_views.ExportView, "api-me-export"),
    *api_route("auth/me/sessions.csv", account_views.SessionsCsvView, "api-me-sessions-csv"),
    path("auth/", include("accounts.api.urls")),
    # poses, poses/{slug}, ...: no trailing slash, as in auth/ (each app's urls say so).
    path("", include("poses.api.urls")),
    path("", include("sequences.api.urls")),
    path("", include("practice.api.urls")),
    path("", include("achievements.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
    # Unknown paths answer the error shape even with DEBUG on (handler404 is
    # skipped then); keep this last. A plain Django view, so the schema skips it.
    re_path(r"^.*$", not_found),
]
