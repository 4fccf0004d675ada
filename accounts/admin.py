from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError

from accounts import services
from accounts.exceptions import InvalidCredentials
from accounts.models import User
from yogaflow.core.forms import REFUSALS


class LockoutAdminLoginForm(AdminAuthenticationForm):
    """The admin's login, checked by accounts.services.authenticate_user like every login: the
    same lockout and limits, so an address locked out of the site is locked out of /admin/."""

    def clean(self):
        email, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if email and password:
            try:
                self.user_cache = services.authenticate_user(
                    request=self.request, email=email, password=password
                )
            except InvalidCredentials as error:
                raise self.get_invalid_login_error() from error
            except REFUSALS as error:  # locked out, or the lockout cannot count right now
                raise ValidationError(error.message, code="refused") from error
            self.confirm_login_allowed(self.user_cache)  # active staff only
        return self.cleaned_data


admin.site.login_form = LockoutAdminLoginForm


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Staff find people by email or name and edit their practice profile."""

    form = UserEditForm
    add_form = UserCreationForm
    ordering = ("email",)
    list_display = (
        "email",
        "display_name",
        "experience_level",
        "timezone",
        "is_staff",
        "date_joined",
    )
    list_filter = ("experience_level", "is_staff", "is_superuser", "is_active")
    search_fields = ("email", "display_name")
    readonly_fields = ("date_joined", "last_login", "reminder_last_sent_on")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            "Practice profile",
            {
                "fields": (
                    "display_name",
                    "experience_level",
                    "timezone",
                    "preferred_session_minutes",
                )
            },
        ),
        (
            "Practice reminders",
            {
                "fields": (
                    "reminders_enabled",
                    "reminder_days",
                    "reminder_time",
                    "reminder_last_sent_on",
                )
            },
        ),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
