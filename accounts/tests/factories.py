import factory
from rest_framework.test import APIClient

from accounts.api.tokens import AccessToken
from accounts.models import User
from yogaflow.core.testing import PASSWORD


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"yogi{n}@example.com")
    display_name = factory.Faker("first_name")
    timezone = "Europe/Paris"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


def bearer(user) -> APIClient:
    """An API client presenting a fresh access token of `user` (`Authorization: Bearer`)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client
