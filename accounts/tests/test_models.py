import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import (
    Avoidance,
    User,
    timezone_names,
    validate_avoidance,
    validate_timezone,
)
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_unique_in_the_database_whatever_its_case():
    UserFactory(email="yogi@example.com")
    clash = User(email="Yogi@Example.com")  # skips the manager's normalisation

    with pytest.raises(IntegrityError):
        clash.save()


def test_manager_stores_email_lower_cased():
    user = User.objects.create_user("Tree.Pose@Example.COM", "Vrksasana-2024")
    assert user.email == "tree.pose@example.com"


def test_login_lookup_ignores_case():
    user = UserFactory(email="crow@example.com")
    assert User.objects.get_by_natural_key("CROW@example.com") == user


def test_session_length_is_bounded_by_a_database_constraint():
    user = UserFactory()
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=user.pk).update(preferred_session_minutes=500)


@pytest.mark.parametrize("name", ["Europe/Paris", "America/Argentina/Buenos_Aires", "UTC"])
def test_iana_time_zones_are_valid(name):
    validate_timezone(name)
    assert name in timezone_names()


@pytest.mark.parametrize("name", ["Paris", "GMT+2", "", "Europe/Atlantis", "localtime"])
def test_other_time_zone_names_are_refused(name):
    with pytest.raises(ValidationError):
        validate_timezone(name)


def test_superuser_is_staff():
    admin = User.objects.create_superuser("admin@example.com", "Admin-Pass-2024")
    assert admin.is_staff and admin.is_superuser


def test_display_names_fall_back_to_the_email():
    user = UserFactory(email="surya@example.com", display_name="")
    assert user.get_full_name() == "surya@example.com"
    assert user.get_short_name() == "surya"


# --- poses to avoid ------------------------------------------------------------


def test_avoidance_offers_the_six_quick_cautions():
    assert Avoidance.values == [
        "no_inversions",
        "knee_friendly",
        "wrist_friendly",
        "pregnancy_safe",
        "back_care",
        "osteoporosis_safe",
    ]


@pytest.mark.parametrize("value", [[], ["no_inversions"], list(Avoidance.values)])
def test_a_list_of_known_avoidances_is_valid(value):
    validate_avoidance(value)


def test_unknown_avoidances_are_refused_by_name():
    with pytest.raises(ValidationError) as excinfo:
        validate_avoidance(["no_inversions", "no_twists", "headstands"])

    [message] = excinfo.value.messages
    assert "headstands, no_twists" in message
    assert "no_inversions" in message.split("Choose from")[1]  # the valid ones are listed


@pytest.mark.parametrize("value", ["no_inversions", {"no_inversions": True}, [1], None])
def test_anything_but_a_list_of_texts_is_refused(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_avoidance(value)

    assert excinfo.value.code == "invalid_list"


@pytest.mark.django_db
def test_full_clean_stores_avoidances_sorted_without_duplicates():
    user = UserFactory()
    user.avoid = ["wrist_friendly", "back_care", "wrist_friendly"]

    user.full_clean(exclude=["password"])

    assert user.avoid == ["back_care", "wrist_friendly"]


@pytest.mark.django_db
def test_a_new_user_avoids_nothing():
    assert UserFactory().avoid == []
