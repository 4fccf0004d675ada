"""The summary's "How were the poses?": thumbs up/down on each pose just practised."""

import re

import pytest
from django.urls import reverse

from poses.selectors import rating_for
from poses.services import rate_pose
from poses.tests.factories import PoseFactory
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db


def summary_url(session) -> str:
    return reverse("practice:summary", args=[session.pk])


def rate_url(pose) -> str:
    return reverse("poses:rate", kwargs={"slug": pose.slug})


def rated_rows(html: str) -> list[tuple[str, str | None]]:
    """(pose name, the pressed thumb or None) for each row of the section, in order."""
    section = re.search(r'aria-labelledby="pose-ratings-title"', html)
    assert section, "no rating section"
    part = html[section.start() :].split("</section>", 1)[0]
    rows = []
    for item in re.findall(r'<li class="pose-ratings__item">(.*?)</li>', part, re.S):
        name = re.search(r'class="pose-ratings__name"[^>]*>([^<]+)</a>', item).group(1)
        pressed = re.search(r'value=""[^>]*aria-pressed="true"><span aria-hidden="true">(.)', item)
        rows.append((name, {"👍": "up", "👎": "down"}[pressed.group(1)] if pressed else None))
    return rows


@pytest.fixture
def flow():
    """Tree, Warrior, Tree again (a second side), and a pose since unpublished."""
    tree = PoseFactory(slug="tree", name_en="Tree")
    warrior = PoseFactory(slug="warrior", name_en="Warrior")
    hidden = PoseFactory(slug="hidden", name_en="Hidden")
    sequence = SequenceFactory(title="Balance flow", poses=[tree, warrior, tree, hidden])
    hidden.is_published = False
    hidden.save(update_fields=["is_published"])
    return sequence


@pytest.fixture
def session(user, flow):
    return PracticeSessionFactory(user=user, sequence=flow, sequence_title=flow.title)


def test_summary_lists_each_published_pose_once_in_practice_order(client, user, session):
    client.force_login(user)

    html = client.get(summary_url(session)).content.decode()

    assert "How were the poses?" in html
    assert rated_rows(html) == [("Tree", None), ("Warrior", None)]
    assert html.count("More like this") == html.count("Leave out of my practices") == 2


def test_summary_shows_each_pose_with_its_figure(client, user, session):
    tree = session.sequence.items.get(position=1).pose
    client.force_login(user)

    html = client.get(summary_url(session)).content.decode()

    rows = re.findall(r'<li class="pose-ratings__item">(.*?)</li>', html, re.S)
    assert f'src="{tree.figure_src}"' in rows[0] and 'alt=""' in rows[0]


def test_summary_shows_the_current_thumbs(client, user, other_user, session):
    tree = session.sequence.items.get(position=1).pose
    warrior = session.sequence.items.get(position=2).pose
    rate_pose(user=user, pose=tree, rating="down")
    rate_pose(user=other_user, pose=warrior, rating="up")
    client.force_login(user)

    html = client.get(summary_url(session)).content.decode()

    assert rated_rows(html) == [("Tree", "down"), ("Warrior", None)]


def test_a_thumb_on_the_summary_saves_it_and_comes_back_to_the_summary(client, user, session):
    tree = session.sequence.items.get(position=1).pose
    client.force_login(user)
    html = client.get(summary_url(session)).content.decode()
    assert f'name="next" value="{summary_url(session)}"' in html
    assert f'action="{rate_url(tree)}"' in html

    response = client.post(
        rate_url(tree), {"rating": "up", "next": summary_url(session)}, follow=True
    )

    assert response.redirect_chain == [(summary_url(session), 302)]
    assert rating_for(user, tree) == "up"
    assert rated_rows(response.content.decode())[0] == ("Tree", "up")


def test_a_session_whose_sequence_is_gone_has_no_rating_section(client, user):
    session = PracticeSessionFactory(user=user, sequence=None, sequence_title="Deleted flow")
    client.force_login(user)

    html = client.get(summary_url(session)).content.decode()

    assert "How were the poses?" not in html


@pytest.mark.parametrize("pose_count", [3, 30])
def test_summary_runs_a_bounded_number_of_queries_whatever_the_poses(
    client, user, django_assert_max_num_queries, pose_count
):
    poses = PoseFactory.create_batch(pose_count)
    for pose in poses[::2]:
        rate_pose(user=user, pose=pose, rating="down")
    sequence = SequenceFactory(poses=poses)
    session = PracticeSessionFactory(user=user, sequence=sequence)
    client.force_login(user)

    # session, user, practice session, streaks, awards, the poses, their ratings
    with django_assert_max_num_queries(7):
        html = client.get(summary_url(session)).content.decode()

    assert len(rated_rows(html)) == pose_count
