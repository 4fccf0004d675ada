"""Auth API routes, mounted at /api/v1/auth/ by yogaflow.api.urls.

The contract's paths have no trailing slash; the same path with one is
accepted too (left out of the schema), since clients add it by habit and
Django's APPEND_SLASH cannot redirect a POST.
"""

from django.urls import path

from accounts.api import views


def _route(route: str, view, name: str) -> list:
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}/", view.as_view(schema=None)),
    ]


urlpatterns = [
    *_route("register", views.RegisterView, "api-register"),
    *_route("login", views.LoginView, "api-login"),
    *_route("refresh", views.RefreshView, "api-refresh"),
    *_route("logout", views.LogoutView, "api-logout"),
    *_route("me", views.MeView, "api-me"),
    *_route("password/change", views.PasswordChangeView, "api-password-change"),
    *_route("password-reset", views.PasswordResetView, "api-password-reset"),
    *_route("password-reset/confirm", views.PasswordResetConfirmView, "api-password-reset-confirm"),
]
