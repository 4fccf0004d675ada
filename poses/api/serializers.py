"""Shapes of the pose API: answers, and the staff's input, which checks types only.

Lengths, choices and ranges come from the model (ModelSerializer), so the
schema states what the model enforces; poses.services.save_pose runs the
model's validation and decides. No serializer here saves anything.
"""

import re

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from poses.figures.body import LIMBS, POINTS, PROP_TYPES, VIEWS
from poses.figures.schema import NEAR, PROP_CHOICES
from poses.models import (
    BREATH_PHASES,
    MAX_IMAGE_URLS,
    MAX_LIST_ITEM_LENGTH,
    MAX_LIST_ITEMS,
    MAX_URL_LENGTH,
    Category,
    Caution,
    Pose,
    PoseRating,
    Prop,
    Rating,
    TargetArea,
)
from poses.services import POSE_FIELDS
from yogaflow.core.api.fields import (
    StrictCharField,
    StrictIntegerField,
    StrictModelSerializer,
    moment_text,
)


class StrictSlugField(serializers.SlugField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictURLField(serializers.URLField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field(serializers.URLField())
class AbsoluteURLField(serializers.Field):
    """A site-relative URL (a figure, a media file) made absolute for API clients."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        return request.build_absolute_uri(value) if request is not None else value


_POINT = {"type": "string", "enum": list(POINTS)}
_DEGREES = {"type": "object", "additionalProperties": {"type": "number"}}
FIGURE_SCHEMA = {
    "type": "object",
    "description": (
        "The pose as an articulated body, for clients that draw their own figure (the server "
        "draws the same data at `figure_url`). Angles in degrees, each relative to its parent "
        "segment; a joint left out is 0 (standing upright, arms hanging). A two-sided pose is "
        "described on its right side; its left side is the mirror image."
    ),
    "properties": {
        "view": {
            "type": "string",
            "enum": list(VIEWS),
            "description": "The plane a teacher draws the pose in.",
        },
        "near": {
            "type": "string",
            "enum": list(NEAR),
            "description": "The side nearer the viewer (default right).",
        },
        "front": {
            "type": "array",
            "items": {"type": "string", "enum": list(LIMBS)},
            "description": "Limbs drawn in front of the torso.",
        },
        "angles": {
            **_DEGREES,
            "description": "Joint angles: torso, spine, neck, twist, pelvis, gaze, and shoulder, "
            "elbow, wrist, hip, knee, ankle with `_r` or `_l`.",
        },
        "depth": {
            **_DEGREES,
            "description": "Segments tilted out of the picture plane (−85..85°).",
        },
        "props": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": list(PROP_TYPES)},
                    "under": _POINT,
                    "at": _POINT,
                    "from": _POINT,
                    "to": _POINT,
                    "shift": {"type": "number", "minimum": -80, "maximum": 80},
                    "height": {"type": "string", "enum": list(PROP_CHOICES["height"])},
                    "facing": {"type": "string", "enum": list(PROP_CHOICES["facing"])},
                    "across": {"type": "boolean"},
                },
                "required": ["type"],
            },
            "description": "Block, bolster, blanket or chair under a point; a wall a point "
            "touches; a strap between two points.",
        },
        "contacts": {
            "type": "array",
            "items": _POINT,
            "description": "Points meant to rest on the floor or a prop.",
        },
    },
    "required": ["view"],
}


@extend_schema_field(FIGURE_SCHEMA)
class FigureField(serializers.JSONField):
    """A pose's figure (poses.figures.schema); save_pose validates it with the model's rule."""


class RenditionSerializer(serializers.Serializer):
    width = serializers.IntegerField(help_text="Pixels wide.")
    url = serializers.URLField()


POSE_CARD_FIELDS = (
    "id",
    "slug",
    "kind",
    "name_en",
    "name_sa",
    "category",
    "difficulty",
    "description",
    "target_areas",
    "default_hold_seconds",
    "is_bilateral",
    "position",
    "intensity",
    "effort",
    "props",
    "image_src",
    "image_renditions",
    "figure_url",
    "figure_left_url",
)


class BreathPatternSerializer(serializers.Serializer):
    """Seconds per phase of one breath; phases a practice leaves out are 0."""

    inhale = serializers.IntegerField(min_value=0, max_value=20, default=0)
    hold = serializers.IntegerField(min_value=0, max_value=20, default=0)
    exhale = serializers.IntegerField(min_value=0, max_value=20, default=0)
    hold_empty = serializers.IntegerField(min_value=0, max_value=20, default=0)


@extend_schema_field(BreathPatternSerializer(allow_null=True))
class BreathPatternField(serializers.Field):
    """The pattern with every phase, or null for a pose or a meditation paced in minutes."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return {phase: value.get(phase, 0) for phase in BREATH_PHASES} if value else None


class PoseSummarySerializer(serializers.ModelSerializer):
    """A pose as the library lists it."""

    target_areas = serializers.ListField(
        child=serializers.ChoiceField(TargetArea.choices), read_only=True
    )
    # Blank for breathing practices and meditation, which have no asana family: the schema
    # says so (a read-only model field's choices would not let "" through).
    category = serializers.ChoiceField(
        Category.choices, allow_blank=True, read_only=True, help_text="Asanas only."
    )
    props = serializers.ListField(
        child=serializers.ChoiceField(Prop.choices),
        read_only=True,
        help_text="Props the pose uses as described.",
    )
    image_src = AbsoluteURLField(
        help_text="What to show for the pose: staff's photo (its largest resized copy), else "
        "its first image URL, else its figure (`figure_url`). Always something to show."
    )
    image_renditions = serializers.SerializerMethodField(
        help_text="Resized copies of staff's photo, narrowest first (for `srcset`); empty "
        "without a photo."
    )
    figure_url = AbsoluteURLField(
        source="figure_src",
        help_text="The pose's figure as SVG (right side, as described). The address changes "
        "when the figure does: cache it as long as you like. Answers 304 to If-None-Match.",
    )
    figure_left_url = AbsoluteURLField(
        source="figure_left_src",
        help_text="The figure's mirror image, for a step on the left side.",
    )

    class Meta:
        model = Pose
        fields = POSE_CARD_FIELDS
        read_only_fields = POSE_CARD_FIELDS

    @extend_schema_field(RenditionSerializer(many=True))
    def get_image_renditions(self, pose) -> list[dict]:
        request = self.context.get("request")
        return [
            {"width": width, "url": request.build_absolute_uri(url) if request else url}
            for width, url in pose.image_rendition_urls.items()
        ]


POSE_DETAIL_FIELDS = (
    *POSE_CARD_FIELDS,
    "figure",
    "hold_min_seconds",
    "hold_max_seconds",
    "long_hold_min_seconds",
    "long_hold_max_seconds",
    "breath_pattern",
    "instructions",
    "benefits",
    "cautions",
    "contraindications",
    "modifications",
    "image",
    "image_urls",
    "is_published",
    "created_at",
    "updated_at",
)


class PoseSerializer(PoseSummarySerializer):
    """A pose in full."""

    instructions = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        min_length=1,  # the model refuses a pose without steps
        help_text="Ordered steps, one text each.",
    )
    benefits = serializers.ListField(child=serializers.CharField(), read_only=True)
    cautions = serializers.ListField(child=serializers.ChoiceField(Caution.choices), read_only=True)
    breath_pattern = BreathPatternField()
    figure = FigureField(read_only=True)
    image = serializers.ImageField(
        read_only=True,
        allow_null=True,
        help_text="The uploaded original (absolute URL), or null; show `image_src` or "
        "`image_renditions` instead.",
    )
    image_urls = serializers.ListField(
        child=serializers.URLField(), read_only=True, help_text="Further images of the pose."
    )

    class Meta:
        model = Pose
        fields = POSE_DETAIL_FIELDS
        read_only_fields = POSE_DETAIL_FIELDS


# Exactly what poses.services.save_pose accepts.
POSE_WRITE_FIELDS = POSE_FIELDS


class PoseWriteSerializer(StrictModelSerializer):
    """What staff send to create or change a pose (the image has its own endpoint)."""

    serializer_field_mapping = {
        **StrictModelSerializer.serializer_field_mapping,
        models.SlugField: StrictSlugField,
    }

    instructions = serializers.ListField(
        child=StrictCharField(max_length=MAX_LIST_ITEM_LENGTH),
        min_length=1,  # as the model: a pose has at least one step
        max_length=MAX_LIST_ITEMS,
        help_text=f"Ordered steps, one text each: at most {MAX_LIST_ITEMS} of at most "
        f"{MAX_LIST_ITEM_LENGTH} characters.",
    )
    benefits = serializers.ListField(
        child=StrictCharField(max_length=MAX_LIST_ITEM_LENGTH),
        max_length=MAX_LIST_ITEMS,
        required=False,
    )
    target_areas = serializers.ListField(
        child=serializers.ChoiceField(TargetArea.choices), required=False
    )
    cautions = serializers.ListField(child=serializers.ChoiceField(Caution.choices), required=False)
    props = serializers.ListField(child=serializers.ChoiceField(Prop.choices), required=False)
    breath_pattern = serializers.DictField(
        child=StrictIntegerField(min_value=0, max_value=20),
        required=False,
        help_text='Breathing practices only: seconds per phase ("inhale", "hold", "exhale", '
        '"hold_empty"), e.g. {"inhale": 4, "exhale": 6}.',
    )
    image_urls = serializers.ListField(
        child=StrictURLField(max_length=MAX_URL_LENGTH),
        max_length=MAX_IMAGE_URLS,
        required=False,
        help_text=f"Further images, as absolute URLs (at most {MAX_IMAGE_URLS}).",
    )
    figure = FigureField(
        help_text="Every pose has a figure. Checked as the admin checks it; the message names "
        "what to fix."
    )

    class Meta:
        model = Pose
        fields = POSE_WRITE_FIELDS
        # save_pose answers a slug already taken (the model's uniqueness check),
        # so the serializer does not query for it as well.
        extra_kwargs = {"slug": {"validators": []}}


class PoseImageSerializer(serializers.Serializer):
    image = serializers.FileField(
        help_text="A JPEG, PNG or WebP image of at most 5 MB, 200 to 6000 pixels a side."
    )


# --- a practitioner's ratings -------------------------------------------------


class RatingWriteSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(
        Rating.choices,
        help_text="`up`: favour the pose in practices made for you; `down`: leave it out.",
    )


class RatingSerializer(serializers.Serializer):
    """What PUT answers: the pose and its rating now."""

    pose = serializers.SlugField(help_text="The pose's slug.")
    rating = serializers.ChoiceField(Rating.choices)


class PoseRatingSerializer(serializers.ModelSerializer):
    """One of the user's ratings, as the list shows it."""

    pose = serializers.SlugField(source="pose.slug", read_only=True, help_text="The pose's slug.")
    name_en = serializers.CharField(source="pose.name_en", read_only=True)
    rating = serializers.ChoiceField(Rating.choices, read_only=True)

    class Meta:
        model = PoseRating
        fields = ("pose", "name_en", "rating", "updated_at")
        read_only_fields = fields


# --- answers as plain dicts (issue 15) ------------------------------------------------------
# The serializers above document the answers (the schema is built from them) and are what the
# functions below are tested against: poses/tests/test_api_rows.py compares the rendered JSON
# byte for byte for generated poses. These functions write the same values without DRF's
# field-by-field work on every row of every request.


def absolute(request, url: str | None) -> str | None:
    """AbsoluteURLField's value: the URL made absolute for the request (None stays None)."""
    if url is None or request is None:
        return url
    return request.build_absolute_uri(url)


# A path on this site that build_absolute_uri only prefixes: one leading "/", then only the
# characters iri_to_uri leaves as they are.
_SITE_PATH = re.compile(r"/(?!/)[A-Za-z0-9\-._~/#%\[\]=:;$&()+,!?*@']*")


def absolute_urls(request):
    """`absolute` for many URLs of one answer: the scheme and host read once, then joined to
    each site path (what build_absolute_uri does for a path that starts with one "/", has no
    "." or ".." segment and is plain ASCII); anything else goes through build_absolute_uri."""
    if request is None:
        return lambda url: url
    origin = request.build_absolute_uri("/")[:-1]

    def join(url: str | None) -> str | None:
        if url and _SITE_PATH.fullmatch(url) and "/./" not in url and "/../" not in url:
            return origin + url
        return absolute(request, url)

    return join


def _items(values) -> list | None:
    # A read-only ListField of strings or choices: the items as they are.
    return None if values is None else list(values)


def pose_summary_row(pose: Pose, request) -> dict:
    """PoseSummarySerializer's answer for one pose (CARD_API_FIELDS loaded are enough)."""
    return {
        "id": pose.pk,
        "slug": pose.slug,
        "kind": pose.kind,
        "name_en": pose.name_en,
        "name_sa": pose.name_sa,
        "category": pose.category,
        "difficulty": pose.difficulty,
        "description": pose.description,
        "target_areas": _items(pose.target_areas),
        "default_hold_seconds": pose.default_hold_seconds,
        "is_bilateral": bool(pose.is_bilateral),
        "position": pose.position,
        "intensity": pose.intensity,
        "effort": pose.effort,
        "props": _items(pose.props),
        "image_src": absolute(request, pose.image_src),
        "image_renditions": [
            {"width": width, "url": absolute(request, url)}
            for width, url in pose.image_rendition_urls.items()
        ],
        "figure_url": absolute(request, pose.figure_src),
        "figure_left_url": absolute(request, pose.figure_left_src),
    }


def pose_rows(poses, request) -> list[dict]:
    """A page of the library as PoseSummarySerializer(many=True) answers it."""
    return [pose_summary_row(pose, request) for pose in poses]


def _image_url(image, request) -> str | None:
    # serializers.ImageField: the uploaded file's absolute URL, or None without one.
    if not image:
        return None
    return absolute(request, image.url)


def pose_detail_row(pose: Pose, request) -> dict:
    """PoseSerializer's answer for one pose (every field loaded)."""
    breath = pose.breath_pattern
    return {
        **pose_summary_row(pose, request),
        "figure": pose.figure,
        "hold_min_seconds": pose.hold_min_seconds,
        "hold_max_seconds": pose.hold_max_seconds,
        "long_hold_min_seconds": pose.long_hold_min_seconds,
        "long_hold_max_seconds": pose.long_hold_max_seconds,
        "breath_pattern": {phase: breath.get(phase, 0) for phase in BREATH_PHASES}
        if breath
        else None,
        "instructions": _items(pose.instructions),
        "benefits": _items(pose.benefits),
        "cautions": _items(pose.cautions),
        "contraindications": pose.contraindications,
        "modifications": pose.modifications,
        "image": _image_url(pose.image, request),
        "image_urls": _items(pose.image_urls),
        "is_published": bool(pose.is_published),
        "created_at": moment_text(pose.created_at),
        "updated_at": moment_text(pose.updated_at),
    }
