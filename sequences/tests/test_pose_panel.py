"""The pose page's "Sequences with this pose" panel (sequences.panels, yogaflow.core.panels)."""

import pytest
from django.urls import reverse

from poses.models import Pose
from poses.tests.factories import PoseFactory
from sequences.models import Visibility
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def triangle():
    return PoseFactory(slug="triangle", name_en="Triangle", is_bilateral=True)


def html(response) -> str:
    return response.content.decode()


def detail_url(pose) -> str:
    return reverse("poses:detail", kwargs={"slug": pose.slug})


def test_pose_detail_lists_only_the_sequences_the_viewer_may_see(
    client, user, other_user, triangle
):
    SequenceFactory(title="Curated flow", poses=[triangle])
    SequenceFactory(title="My secret flow", author=user, poses=[triangle])
    SequenceFactory(title="Their secret flow", author=other_user, poses=[triangle])
    SequenceFactory(
        title="Their shared flow", author=other_user, visibility=Visibility.PUBLIC, poses=[triangle]
    )
    SequenceFactory(title="Unrelated flow", poses=1)

    anonymous = html(client.get(detail_url(triangle)))
    client.force_login(user)
    owner = html(client.get(detail_url(triangle)))

    assert "Curated flow" in anonymous and "Their shared flow" in anonymous
    assert "My secret flow" not in anonymous
    assert "My secret flow" in owner
    assert "Their secret flow" not in anonymous + owner
    assert "Unrelated flow" not in anonymous + owner
    assert "by YogaFlow" in anonymous


@pytest.mark.parametrize("count", [10, 500])
def test_pose_detail_runs_a_constant_number_of_queries(
    client, user, other_user, django_assert_num_queries, count, triangle
):
    for index in range(count):
        SequenceFactory(slug=f"with-triangle-{index}", poses=[triangle])
    other_user.display_name = "Ann"
    other_user.save()
    SequenceFactory(
        slug="a-shared-one", author=other_user, visibility=Visibility.PUBLIC, poses=[triangle]
    )
    client.force_login(user)

    # Exactly: a panel reading a field its query left out (selectors.USING_POSE_FIELDS) would
    # add one per sequence listed.
    with django_assert_num_queries(5):  # session, user, pose, the user's rating, sequences
        response = client.get(detail_url(triangle))

    assert response.status_code == 200
    assert "by YogaFlow" in html(response)
    assert html(response).count("<li>") >= 2
    assert Pose.objects.count() == 1
