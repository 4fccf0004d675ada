"""Account pages, mounted at /accounts/ (namespace "accounts")."""

from django.urls import path
from django.views.generic import TemplateView

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/change/", views.password_change, name="password_change"),
    path(
        "reminders/unsubscribe/<str:token>/",
        views.reminders_unsubscribe,
        name="reminders_unsubscribe",
    ),
    path("password/reset/", views.password_reset_request, name="password_reset"),
    path(
        "password/reset/sent/",
        TemplateView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    # Before the emailed-link route, which would otherwise take "set-password" as a token.
    path(
        f"reset/<uidb64>/{views.RESET_URL_TOKEN}/",
        views.password_reset_set,
        name="password_reset_set",
    ),
    path("reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path(
        "reset/done/",
        TemplateView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
