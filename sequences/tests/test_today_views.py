"""Today's practice on the pages: the home form, the preview with its reasons, and saving."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from poses.models import Caution, Pose
from poses.services import rate_pose
from poses.tests.factories import PoseFactory
from sequences.models import Sequence, Visibility

pytestmark = pytest.mark.django_db

TODAY_URL = reverse("sequences:today")
SAVE_URL = reverse("sequences:save_today")
PLAY_URL = reverse("practice:play_today")
CHOICES = {"minutes": 20, "level": "beginner", "style": "hatha", "focus": "hips", "seed": 11}


def html(response) -> str:
    return response.content.decode()


def shown_slugs(response) -> list[str]:
    return [step.pose.slug for step in response.context["practice"].steps]


def test_home_offers_the_form_with_the_profile_defaults(member_client, user):
    user.preferred_session_minutes = 120
    user.experience_level = "intermediate"
    user.avoid = ["knee_friendly"]
    user.save()

    page = html(member_client.get(reverse("home")))

    assert 'action="/sequences/today/"' in page
    assert re.search(r'name="minutes" value="90"', page), "capped to the longest practice"
    assert re.search(r'<option value="intermediate" selected>', page)
    assert re.search(r'value="knee_friendly"[^>]*checked', page)


def test_visitors_get_the_form_too(client):
    page = html(client.get(reverse("home")))

    assert 'name="minutes" value="20"' in page
    assert "Make my practice" in page


def test_the_preview_lists_every_pose_with_its_reason(curated_library, member_client):
    response = member_client.get(TODAY_URL, CHOICES)
    practice = response.context["practice"]
    page = html(response)

    assert response.status_code == 200
    assert practice.title in page
    for step in practice.steps:
        assert escape(step.reason) in page
        assert f'href="/poses/{step.pose.slug}/"' in page
    for group in practice.phases:
        assert f">{group.label} <small" in page
    assert 'aria-label="Peak: poses in practice order"' in page
    assert "Peak: " in page
    assert f'href="{PLAY_URL}?minutes=20&amp;level=beginner&amp;style=hatha&amp;focus=hips' in page
    assert 'name="seed" value="11"' in page
    assert "Sequence checks" in page


def test_the_same_address_gives_the_same_practice(curated_library, member_client):
    first, again = (shown_slugs(member_client.get(TODAY_URL, CHOICES)) for _ in range(2))
    other = shown_slugs(member_client.get(TODAY_URL, {**CHOICES, "seed": 12}))

    assert first == again
    assert first != other


def test_without_choices_it_is_the_practice_of_the_day_from_the_profile(
    curated_library, member_client, user
):
    user.preferred_session_minutes = 30
    user.save()

    first = member_client.get(TODAY_URL)
    again = member_client.get(TODAY_URL)

    assert first.status_code == 200
    assert first.context["practice"].choices.minutes == 30
    assert shown_slugs(first) == shown_slugs(again)


def test_the_avoid_list_and_thumbed_down_poses_are_left_out(curated_library, member_client, user):
    rate_pose(user=user, pose=Pose.objects.get(slug="bound-angle"), rating="down")

    for seed in range(8):
        response = member_client.get(TODAY_URL, {**CHOICES, "seed": seed, "avoid": "no_inversions"})
        steps = response.context["practice"].steps
        assert "bound-angle" not in [step.pose.slug for step in steps]
        assert not [step for step in steps if Caution.INVERSION in step.pose.cautions]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"minutes": 0}, "A practice lasts 5 to 90 minutes; you asked for 0."),
        ({"minutes": 500}, "you asked for 500."),
        ({"style": "hot"}, "Unknown style “hot”"),
        ({"focus": "toes"}, "Unknown focus “toes”"),
    ],
)
def test_bad_choices_show_on_the_form(curated_library, member_client, change, message):
    response = member_client.get(TODAY_URL, {**CHOICES, **change})

    assert response.status_code == 400
    assert response.context["practice"] is None
    assert message in html(response)
    assert "Please check the form" in html(response)


def test_an_avoid_list_that_leaves_too_few_poses_says_what_to_change(member_client, user):
    PoseFactory.create_batch(4)

    response = member_client.get(TODAY_URL, CHOICES)

    assert response.status_code == 400
    assert "Only 4 poses are left" in html(response)


def test_the_preview_reads_the_library_once(
    curated_library, member_client, django_assert_num_queries
):
    # Session, user, library, pose ratings, and the figures of the poses it chose.
    with django_assert_num_queries(5):
        member_client.get(TODAY_URL, CHOICES)
    PoseFactory.create_batch(60, target_areas=["hips"])
    with django_assert_num_queries(5):
        member_client.get(TODAY_URL, {**CHOICES, "minutes": 90})


def test_saving_keeps_the_previewed_practice_as_a_private_sequence(
    curated_library, member_client, user
):
    preview = member_client.get(TODAY_URL, CHOICES).context["practice"]

    response = member_client.post(SAVE_URL, CHOICES)

    sequence = Sequence.objects.get(author=user)
    assert response.status_code == 302
    assert response["Location"] == reverse("sequences:edit", args=[sequence.slug])
    assert sequence.visibility == Visibility.PRIVATE
    assert sequence.title == preview.title
    assert (sequence.difficulty, sequence.style, sequence.focus) == ("beginner", "hatha", "hips")
    items = list(sequence.items.select_related("pose"))
    assert [(i.pose.slug, i.duration_seconds, i.side, i.cue) for i in items] == [
        (s.pose.slug, s.duration_seconds, s.side, s.reason) for s in preview.steps
    ]
    assert sequence.total_duration_seconds == preview.total_seconds


def test_saving_needs_an_account(curated_library, client):
    response = client.post(SAVE_URL, CHOICES)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Sequence.objects.filter(author__isnull=False).exists()


def test_saving_bad_choices_saves_nothing(curated_library, member_client):
    response = member_client.post(SAVE_URL, {**CHOICES, "minutes": 500})

    assert response.status_code == 400
    assert not Sequence.objects.filter(author__isnull=False).exists()


def test_visitors_are_asked_to_log_in_to_practise_or_save(curated_library, client):
    page = html(client.get(TODAY_URL, CHOICES))

    assert "Log in to practise or save it" in page
    assert "Save to my sequences" not in page


def test_the_preview_shows_the_arc_phase_by_phase_with_flows_named(curated_library, client):
    choices = {**CHOICES, "style": "vinyasa", "level": "intermediate", "minutes": 30}
    response = client.get(TODAY_URL, choices)
    practice = response.context["practice"]
    page = html(response)

    headings = re.findall(r'<h2 id="phase-\d+">([^<]+) <small', page)
    assert headings == [group.label for group in practice.phases]
    assert headings[0] == "Centring" and "Peak" in headings
    assert page.count("data-flow-start") == len(
        [
            n
            for n, s in enumerate(practice.steps)
            if s.flow and (n == 0 or practice.steps[n - 1].flow != s.flow)
        ]
    )
    assert ">Right side<" in page and ">Left side<" in page
    # Each phase's list numbers on from the one before.
    assert f'data-counter-start="{practice.phases[1].counter_start}"' in page


# --- figures and the printable sheet ------------------------------------------------


PRINT_URL = reverse("sequences:print_today")


def test_the_preview_shows_each_poses_figure_beside_its_words(curated_library, member_client):
    response = member_client.get(TODAY_URL, CHOICES)
    steps = response.context["practice"].steps
    page = html(response)
    poses = {pose.slug: pose for pose in Pose.objects.filter(slug__in={s.pose.slug for s in steps})}

    pictures = re.findall(r'<img class="pose-picture pose-picture--thumb[^>]*>', page)
    assert len(pictures) == len(steps)
    for step, picture in zip(steps, pictures, strict=True):
        pose = poses[step.pose.slug]
        # The cached address of the side shown: a left step's figure is the mirror image.
        src = pose.figure_left_src if step.side == "left" else pose.figure_src
        assert f'src="{src}"' in picture and 'alt=""' in picture
    lefts = [step for step in steps if step.side == "left"]
    assert lefts and page.count("/figure-left.svg?v=") == len(lefts)  # the flow's left side


def test_the_print_link_carries_the_choices_and_the_seed(curated_library, member_client):
    response = member_client.get(TODAY_URL, CHOICES)
    query = response.context["query"]

    assert f'href="{PRINT_URL}?{escape(query)}"' in html(response)
    assert "seed=11" in query and "focus=hips" in query and "minutes=20" in query


def test_the_printed_practice_is_the_practice_shown(curated_library, member_client):
    shown = member_client.get(TODAY_URL, CHOICES).context["practice"]

    response = member_client.get(PRINT_URL, CHOICES)
    page = html(response)

    assert response.status_code == 200
    assert response.context["practice"].steps == shown.steps
    assert "sequences/_storyboard.html" in [t.name for t in response.templates]
    assert f'<h1 id="sheet-title" class="print-sheet__title">{escape(shown.title)}</h1>' in page
    names = re.findall(
        r'class="storyboard__number">\d+<span[^>]*>.</span></span> ([^<]+)</h3>', page
    )
    assert names == [escape(step.pose.name) for step in shown.steps]
    # Figures drawn into the page: nothing left to load when it prints.
    assert page.count('<span class="pose-picture pose-picture--step pose-picture--figure"') == len(
        shown.steps
    )
    for step in shown.steps:
        assert escape(step.reason) in page
    assert f'href="{TODAY_URL}?' in page  # back to the practice


def test_a_long_practice_prints_in_the_dense_layout(curated_library, member_client):
    response = member_client.get(PRINT_URL, {**CHOICES, "minutes": 90})

    assert len(response.context["practice"].steps) >= 25
    assert "storyboard--compact" in html(response)


def test_visitors_may_print_a_practice_too(curated_library, client):
    response = client.get(PRINT_URL, CHOICES)

    assert response.status_code == 200
    assert response.context["practice"].seed == 11


def test_bad_choices_print_nothing_and_say_why(curated_library, member_client):
    response = member_client.get(PRINT_URL, {**CHOICES, "minutes": 500})

    assert response.status_code == 400
    assert response.context["practice"] is None
    assert "Please check the form" in html(response)


def test_the_printed_sheet_runs_the_same_few_queries_however_long(
    curated_library, member_client, django_assert_num_queries
):
    # Session, user, library, pose ratings, and the figures of the poses it chose.
    with django_assert_num_queries(5):
        member_client.get(PRINT_URL, {**CHOICES, "minutes": 10})
    with django_assert_num_queries(5):
        member_client.get(PRINT_URL, {**CHOICES, "minutes": 90})


# The markup templates/sequences/today.html wrote for each step before the `today_step` tag.
STEP_TEMPLATE = """{% load durations pose_figures %}{% for step in steps %}
      <li class="today-step today-step--{{ step.phase }}"{% if step.flow %} data-flow="{{ step.flow }}"{% endif %}>
        {% pose_picture step.pose side=step.side size="thumb" alt="" %}
        <span class="today-step__phase">{{ step.side_label }}</span>
        <span class="today-step__pose"><a href="{% url 'poses:detail' step.pose.slug %}">{{ step.pose.name }}</a></span>
        <span class="today-step__hold"><time datetime="PT{{ step.duration_seconds }}S">{{ step.duration_seconds|duration }}</time>{% if step.side == "both" and step.pose.is_bilateral %} each side{% endif %}</span>
        <span class="today-step__reason">{{ step.reason }}</span>
      </li>{% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("style", ["vinyasa", "yin", "hatha", "restorative", "power"])
def test_each_step_is_written_as_the_template_wrote_it_byte_for_byte(style):
    from dataclasses import replace

    from django.template import engines

    from sequences.generator import clean_choices, generate
    from sequences.templatetags.today_steps import today_step
    from sequences.tests.generation import LIBRARY

    practice = generate(
        LIBRARY, clean_choices(minutes=60, level="intermediate", style=style), seed=7
    )
    steps = list(practice.steps)
    # Values that need escaping, a flow on a step, a photo instead of a figure.
    steps.append(replace(steps[-1], cue='Knees "soft" & <easy>', flow="Flow 1: A → B's"))
    steps.append(replace(steps[0], pose=replace(steps[0].pose, image_urls=("/m/p.jpg?a=1&b",))))
    sides = {step.side for step in steps}
    assert {"both", "right", "left"} <= sides or style in ("yin", "restorative")

    expected = engines["django"].from_string(STEP_TEMPLATE).render({"steps": steps})
    written = "".join(f"\n      {today_step(step)}" for step in steps)
    assert written == expected


def test_a_slow_class_says_on_the_page_which_focus_it_leaves_out(curated_library, member_client):
    asked = {
        "minutes": 53,
        "level": "intermediate",
        "style": "restorative",
        "focus": ["balance", "core"],
        "avoid": "osteoporosis_safe",
        "seed": 1471490636,
    }

    response = member_client.get(TODAY_URL, asked)

    assert response.status_code == 200
    assert "balance left out" in html(response)


def test_a_slow_class_asked_only_for_a_focus_it_cannot_work_says_so_on_the_form(
    curated_library, member_client
):
    asked = {
        "minutes": 65,
        "level": "advanced",
        "style": "yin",
        "focus": "balance",
        "avoid": ["osteoporosis_safe", "back_care", "knee_friendly"],
        "seed": 1096718130,
    }

    response = member_client.get(TODAY_URL, asked)

    assert response.status_code == 400
    assert response.context["practice"] is None
    assert "cannot work balance" in html(response)
