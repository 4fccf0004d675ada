"""The service worker and what it saves ahead (practice.offline_views)."""

import pytest
from django.urls import reverse

from sequences.tests.factories import FavoriteFactory, SequenceFactory

pytestmark = pytest.mark.django_db


def test_the_worker_is_served_from_the_root_as_javascript_for_the_whole_site(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    assert "/static/js/player.js" in body and "/static/css/player.css" in body
    assert "https://" not in body  # our own small file: nothing from elsewhere


def test_saved_ahead_are_the_users_favorites_and_own_sequences_with_their_figures(
    client, user, other_user
):
    favorite = SequenceFactory(poses=2)
    FavoriteFactory(user=user, sequence=favorite)
    own = SequenceFactory(poses=1, author=user)
    someone_elses = SequenceFactory(poses=1, author=other_user)
    client.force_login(user)

    data = client.get(reverse("practice:offline")).json()

    for sequence in (favorite, own):
        assert reverse("practice:player", args=[sequence.slug]) in data["pages"]
        assert sequence.get_absolute_url() in data["pages"]
    assert reverse("practice:player", args=[someone_elses.slug]) not in data["pages"]
    assert len(data["assets"]) >= 3  # the figures of three poses, at least


def test_nothing_is_saved_ahead_for_a_visitor(client):
    assert client.get(reverse("practice:offline")).status_code == 302
