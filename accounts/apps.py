from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Registers the OpenAPI security scheme of accounts.api.authentication.
        from accounts.api import schema  # noqa: F401
