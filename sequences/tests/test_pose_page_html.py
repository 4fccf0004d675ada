"""The whole pose page, as its tags now write it (poses.templatetags.pose_page and the panel's
`{% sequence_links %}`), is byte for byte the page the former templates wrote (kept in
poses/tests/data and sequences/tests/data), for poses of every shape, each viewer and rating,
and the sequences its panel lists."""

import copy
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from poses.models import Caution, Prop, Rating, TargetArea
from poses.services import rate_pose
from poses.tests.factories import BOX_BREATHING, PoseFactory
from sequences.models import Visibility
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
FORMER_TEMPLATES = {
    "poses/pose_detail.html": ROOT / "poses/tests/data/pose_detail_as_template.html",
    "poses/_pose_rating.html": ROOT / "poses/tests/data/pose_rating_as_template.html",
    "sequences/_pose_sequences.html": ROOT / "sequences/tests/data/pose_sequences_as_template.html",
}
# Masked CSRF tokens differ on every request: the form field and the page's data attribute.
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|data-csrf=")[^"]+"')

POSES = {
    "a two-sided pose with everything": lambda: PoseFactory(
        name_en="Warrior <II> & co",
        name_sa="Vīrabhadrāsana “II”",
        is_bilateral=True,
        long_hold_min_seconds=60,
        long_hold_max_seconds=300,
        props=[Prop.BLOCK, Prop.STRAP],
        target_areas=[TargetArea.HIPS, TargetArea.QUADRICEPS],
        cautions=[Caution.WRIST_LOAD],
        contraindications="Knee injury.\nHigh blood pressure: keep the arms low.",
        modifications="Shorten the stance <a little>.",
        benefits=["Strength", "Stamina & focus"],
    ),
    "a breathing practice": lambda: PoseFactory(
        name_en="Box breathing", name_sa="", **BOX_BREATHING
    ),
    "a pose shown by a photo, bare": lambda: PoseFactory(
        name_sa="", benefits=[], target_areas=[], image_urls=["https://img.example/a.png?x=1&y=2"]
    ),
    "an unpublished pose (staff)": lambda: PoseFactory(is_published=False),
}


def former_templates():
    """The template settings with the former templates found first."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.locmem.Loader",
            {name: path.read_text() for name, path in FORMER_TEMPLATES.items()},
        ),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    return override_settings(TEMPLATES=templates)


def page(client, url) -> str:
    cache.clear()  # the anonymous page is cached: each read computed
    response = client.get(url)
    assert response.status_code == 200
    return CSRF.sub(r"\1CSRF", response.content.decode())


@pytest.mark.parametrize("shape", POSES)
@pytest.mark.parametrize("viewer", ["visitor", "member", "member, up", "member, down", "author"])
def test_the_pose_page_is_what_the_former_templates_wrote(
    client, user, other_user, staff_user, shape, viewer
):
    pose = POSES[shape]()
    if pose.is_published:
        SequenceFactory(title="Curated <flow>", poses=[pose])
        SequenceFactory(title="Mine", author=user, poses=[pose, pose])
        SequenceFactory(
            title="Theirs & shared", author=other_user, visibility=Visibility.PUBLIC, poses=[pose]
        )
    if viewer.startswith("member") or viewer == "author":
        client.force_login(user if pose.is_published else staff_user)
    if viewer.endswith(("up", "down")):
        rate_pose(user=user, pose=pose, rating=Rating(viewer.rsplit(" ", 1)[1]))
    if viewer == "author":
        user.sequences.update(visibility=Visibility.PRIVATE)
    if not pose.is_published and viewer == "visitor":
        pytest.skip("a visitor gets 404")
    url = reverse("poses:detail", kwargs={"slug": pose.slug}) + "?from=<here>&x=1"

    now = page(client, url)
    with former_templates():
        before = page(client, url)

    assert now == before
    assert "Your take" in now or viewer == "visitor"
