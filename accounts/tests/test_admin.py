import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_staff_find_users_by_email(admin_client):
    UserFactory(email="warrior@example.com", display_name="Virabhadra")
    UserFactory(email="lotus@example.com", display_name="Padma")

    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": "warrior"})

    assert response.status_code == 200
    assert b"warrior@example.com" in response.content
    assert b"lotus@example.com" not in response.content


def test_user_change_page_shows_the_practice_profile(admin_client):
    user = UserFactory(timezone="Asia/Tokyo")

    response = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))

    assert response.status_code == 200
    for field in ("display_name", "experience_level", "timezone", "preferred_session_minutes"):
        assert f'name="{field}"'.encode() in response.content


def test_staff_can_create_a_user_with_a_password(admin_client):
    from accounts.models import User

    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "New.Student@Example.com",
            "usable_password": "true",
            "password1": "Savasana-Rest-77",
            "password2": "Savasana-Rest-77",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    created = User.objects.get(email="new.student@example.com")
    assert created.check_password("Savasana-Rest-77")


def test_user_changelist_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    UserFactory.create_batch(30)
    with django_assert_max_num_queries(12):
        admin_client.get(reverse("admin:accounts_user_changelist"))
