"""A restorative class keeps to restorative poses held long while they can fill its time
(blind teacher review r16 F4: Deer, a yin shape, 2:00 a side in the 20-minute pregnancy-safe
restorative class)."""

from poses.models import Category
from sequences.generator import clean_choices
from sequences.generator.plan import narrowed, wide_pool
from sequences.generator.restorative_pool import long_holds_fill
from sequences.tests.generation import LIBRARY, reviewed


def test_review_16_f4_no_yin_shape_in_the_pregnancy_safe_restorative_class():
    practice = reviewed(1606)
    held = [s for s in practice.steps if not s.pose.is_breathing]
    assert all(s.pose.category == Category.RESTORATIVE for s in held), [s.pose.slug for s in held]
    assert not any(s.pose.slug.endswith("-yin") for s in practice.steps)
    # Fewer poses held longer: Child's Pose and the final rest as the teacher held them, the
    # others long enough to settle.
    assert [s.pose.slug for s in held][0] == "childs-pose"
    assert held[-1].pose.slug == "side-lying-savasana"
    assert all(s.duration_seconds >= 180 for s in held)
    assert practice.findings == ()


def test_the_yin_shapes_come_in_only_where_the_restorative_poses_cannot_fill_the_class():
    def pool(minutes, avoid):
        choices = clean_choices(
            minutes=minutes, level="beginner", style="restorative", focus=["relaxation"],
            avoid=avoid,
        )  # fmt: skip
        return narrowed(wide_pool(LIBRARY, choices), choices)

    assert not any(c.slug.endswith("-yin") for c in pool(20, ["pregnancy_safe"]))
    # Osteoporosis and pregnancy leave too few restorative poses for 90 minutes.
    assert any(c.slug.endswith("-yin") for c in pool(90, ["pregnancy_safe", "osteoporosis_safe"]))


def test_long_holds_fill_counts_each_side_of_a_one_sided_shape():
    twist = next(c for c in LIBRARY if c.slug == "supported-twist")
    assert twist.is_bilateral and twist.long_hold_range == (120, 300)
    assert long_holds_fill([twist], 10)
    assert not long_holds_fill([twist], 11)
