from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Registers the OpenAPI security scheme of accounts.api.authentication.
        from django.contrib.auth.signals import user_logged_out

        from accounts import services
        from accounts.api import schema  # noqa: F401

        user_logged_out.connect(services.log_page_logout, dispatch_uid="accounts-log-logout")
