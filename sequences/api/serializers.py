"""Shapes of the sequence API: answers, and input that checks shape and JSON types only.

The rules — poses exist and are published, holds of 5–600 s, unique
positions, at most MAX_POSES_PER_SEQUENCE (150) poses, only the author edits — are
sequences.services.save_sequence's; the schema states them for clients, the
service enforces them. No serializer here saves anything.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Avoidance
from poses.api.serializers import AbsoluteURLField, absolute_urls
from poses.models import (
    MAX_HOLD_SECONDS,
    MIN_HOLD_SECONDS,
    Difficulty,
    Kind,
    Pose,
    Position,
    Prop,
)
from poses.picture_routes import PictureAddresses
from poses.pictures import figure_url
from sequences.checks import avoid_of, findings_for
from sequences.generator import MAX_FOCUS, MAX_MINUTES, MIN_MINUTES, PHASE_LABELS
from sequences.models import (
    MAX_CUE_LENGTH,
    MAX_POSES_PER_SEQUENCE,
    Focus,
    Sequence,
    SequencePose,
    Side,
    Style,
)
from yogaflow.core.api.fields import (
    StrictCharField,
    StrictIntegerField,
    StrictModelSerializer,
    moment_text,
)

# --- answers -----------------------------------------------------------------


class AuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    display_name = serializers.CharField(read_only=True)


class SequenceSerializer(serializers.ModelSerializer):
    """A sequence as the catalogue lists it (no poses)."""

    author = AuthorSerializer(
        read_only=True, allow_null=True, help_text="Null for the curated library."
    )
    is_curated = serializers.BooleanField(
        read_only=True, help_text="Part of YogaFlow's own library."
    )
    is_favorite = serializers.BooleanField(
        read_only=True, help_text="In the caller's favorites (false when anonymous)."
    )
    total_duration_seconds = serializers.IntegerField(
        read_only=True, help_text="Practice time: bilateral poses on both sides count twice."
    )

    class Meta:
        model = Sequence
        fields = (
            "id",
            "slug",
            "title",
            "description",
            "difficulty",
            "focus",
            "style",
            "visibility",
            "author",
            "is_curated",
            "total_duration_seconds",
            "pose_count",
            "is_favorite",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class PoseCardSerializer(serializers.ModelSerializer):
    image_src = AbsoluteURLField(
        help_text="What to show for the pose: staff's photo (resized), else its figure."
    )
    figure_url = AbsoluteURLField(
        source="figure_src", help_text="The pose's figure as SVG (right side, as described)."
    )
    figure_left_url = AbsoluteURLField(
        source="figure_left_src", help_text="The figure's mirror image: a step on the left side."
    )

    class Meta:
        model = Pose
        fields = (
            "id",
            "slug",
            "name_en",
            "name_sa",
            "image_src",
            "figure_url",
            "figure_left_url",
            "is_bilateral",
        )
        read_only_fields = fields


class SequenceItemSerializer(serializers.ModelSerializer):
    pose = PoseCardSerializer(read_only=True)

    class Meta:
        model = SequencePose
        fields = ("position", "pose", "duration_seconds", "side", "cue")
        read_only_fields = fields


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField(
        read_only=True,
        help_text="Stable rule code: one_sided, no_final_relaxation, backbend_not_neutralised, "
        "inversion_not_countered, no_warm_up, too_advanced, repeated_pose, hold_too_long, "
        "hold_too_short, up_and_down, off_target or too_long.",
    )
    severity = serializers.ChoiceField(
        ["error", "warning", "hint"], read_only=True, help_text="Errors come first."
    )
    message = serializers.CharField(read_only=True, help_text="Plain language, naming the poses.")
    positions = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="1-based positions of the poses concerned (empty for the whole practice).",
    )


class SequenceDetailSerializer(SequenceSerializer):
    """A sequence with its poses in practice order, and what a teacher would say of them.

    `checks` comes back with every create and update too, so the builder in the
    app shows the findings of what was just saved without a second call.
    """

    poses = SequenceItemSerializer(source="items", many=True, read_only=True)
    checks = serializers.SerializerMethodField()

    class Meta(SequenceSerializer.Meta):
        fields = (*SequenceSerializer.Meta.fields, "poses", "checks")
        read_only_fields = fields

    @extend_schema_field(FindingSerializer(many=True))
    def get_checks(self, sequence) -> list:
        request = self.context.get("request")
        avoid = avoid_of(request.user) if request is not None else ()
        return FindingSerializer(findings_for(sequence, avoid=avoid), many=True).data


# --- answers as plain dicts (issue 15) --------------------------------------------------
# The serializers above document the answers (the schema is built from them);
# sequences/tests/test_api_rows.py compares these functions' JSON with theirs byte for byte.


def sequence_row(sequence: Sequence) -> dict:
    """SequenceSerializer's answer for one sequence (author joined, `is_favorite` annotated)."""
    author = sequence.author
    return {
        "id": sequence.pk,
        "slug": sequence.slug,
        "title": sequence.title,
        "description": sequence.description,
        "difficulty": sequence.difficulty,
        "focus": sequence.focus,
        "style": sequence.style,
        "visibility": sequence.visibility,
        "author": None
        if author is None
        else {"id": author.pk, "display_name": author.display_name},
        "is_curated": sequence.author_id is None,
        "total_duration_seconds": sequence.total_duration_seconds,
        "pose_count": sequence.pose_count,
        "is_favorite": bool(sequence.is_favorite),
        "created_at": moment_text(sequence.created_at),
        "updated_at": moment_text(sequence.updated_at),
    }


def sequence_rows(sequences) -> list[dict]:
    """A page of the catalogue as SequenceSerializer(many=True) answers it."""
    return [sequence_row(sequence) for sequence in sequences]


def sequence_detail_row(sequence: Sequence, request) -> dict:
    """SequenceDetailSerializer's answer: the sequence, its steps (`steps` of
    selectors.sequence_with_steps) and the checks' findings over those same steps."""
    absolute, addresses = absolute_urls(request), PictureAddresses()
    # A flow comes back to the same poses (Downward Dog in every round): each pose's card,
    # absolute URLs included, is written once per answer.
    cards: dict[int, dict] = {}

    def card(pose) -> dict:
        written = cards.get(pose.pk)
        if written is None:
            right = addresses.figure(pose.slug, side="right", version=pose.figure_version)
            written = cards[pose.pk] = {
                "id": pose.pk,
                "slug": pose.slug,
                "name_en": pose.name,
                "name_sa": pose.name_sa,
                # Pose.image_src: staff's photo (resized), else the figure.
                "image_src": absolute(pose.photo_src if pose.has_own_image else right),
                "figure_url": absolute(right),
                "figure_left_url": absolute(
                    addresses.figure(pose.slug, side="left", version=pose.figure_version)
                ),
                "is_bilateral": bool(pose.is_bilateral),
            }
        return written

    row = sequence_row(sequence)
    row["poses"] = [
        {
            "position": step.position,
            "pose": card(step.pose),
            "duration_seconds": step.duration_seconds,
            "side": step.side,
            "cue": step.cue,
        }
        for step in sequence.steps
    ]
    avoid = avoid_of(request.user) if request else ()
    row["checks"] = [
        {
            "code": finding.code,
            "severity": finding.severity,
            "message": finding.message,
            "positions": list(finding.positions),
        }
        for finding in findings_for(sequence, avoid=avoid, steps=sequence.steps)
    ]
    return row


# --- input -------------------------------------------------------------------

MAX_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "minimum": MIN_HOLD_SECONDS, "maximum": MAX_HOLD_SECONDS})
class HoldSecondsField(StrictIntegerField):
    """An integer here; its range is save_sequence's rule, stated in the schema for clients."""


class SequenceItemInputSerializer(serializers.Serializer):
    # Bounded as database ids are (SQLite cannot even compare a larger integer).
    pose = StrictIntegerField(min_value=1, max_value=MAX_ID, help_text="Id of a published pose.")
    duration_seconds = HoldSecondsField(
        required=False,
        help_text=(
            f"Hold in seconds, {MIN_HOLD_SECONDS}–{MAX_HOLD_SECONDS} (per side for a bilateral "
            "pose on both sides); default: the pose's own hold."
        ),
    )
    side = serializers.ChoiceField(Side.choices, required=False, help_text="Default: both.")
    cue = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=MAX_CUE_LENGTH,
        help_text=f"A short teaching cue, up to {MAX_CUE_LENGTH} characters.",
    )
    position = StrictIntegerField(
        required=False,
        help_text="Practice order; if one item has a position, all need one, each different. "
        "Without positions, the list's order is the practice order.",
    )


class SequenceWriteSerializer(StrictModelSerializer):
    """A sequence and its whole ordered pose list, in one request."""

    poses = SequenceItemInputSerializer(
        many=True,
        help_text=f"The poses in practice order, at most {MAX_POSES_PER_SEQUENCE}; "
        "replaces the sequence's list.",
    )

    class Meta:
        model = Sequence
        fields = ("title", "description", "difficulty", "focus", "style", "visibility", "poses")
        extra_kwargs = {
            "difficulty": {"required": True},
            "focus": {"required": True},
            "style": {"required": True},
            "visibility": {"help_text": "Default: private."},
        }


# --- checks ------------------------------------------------------------------


class SequenceChecksSerializer(serializers.Serializer):
    findings = FindingSerializer(many=True, read_only=True)


# --- today's practice --------------------------------------------------------


def _text_of(choices):
    """A string field whose schema lists the known values; sequences.generator checks them."""

    # Documented as the model's ChoiceField, so the schema has one enum per vocabulary.
    @extend_schema_field(serializers.ChoiceField(choices.choices))
    class KnownText(StrictCharField):
        pass

    return KnownText


def _list_of(choices, help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=_text_of(choices)(), required=False, max_length=20, help_text=help_text
    )


@extend_schema_field({"type": "integer", "minimum": MIN_MINUTES, "maximum": MAX_MINUTES})
class MinutesField(StrictIntegerField):
    """An integer here; its range is the generator's rule, stated in the schema for clients."""


# Room for leaving out most of a library of a few hundred poses; a bound on hostile input.
MAX_AVOID_POSES = 500


class GenerateSerializer(serializers.Serializer):
    """The choices, typed; their rules (5–90 minutes, known level, style and focus, enough
    poses left) are sequences.generator's, which answers 400 naming the field to change."""

    minutes = MinutesField(
        help_text=f"Length of the practice, {MIN_MINUTES}–{MAX_MINUTES} minutes."
    )
    level = _text_of(Difficulty)()
    style = _text_of(Style)()
    focus = _list_of(Focus, f"Up to {MAX_FOCUS} focus areas; none means the whole body.")
    avoid = _list_of(Avoidance, "Cautions to respect; default: those on the caller's profile.")
    avoid_poses = serializers.ListField(
        child=serializers.SlugField(),
        required=False,
        max_length=MAX_AVOID_POSES,
        help_text="Slugs of further poses to leave out (thumbed-down poses always are).",
    )
    seed = StrictIntegerField(
        required=False,
        min_value=0,
        max_value=2**31 - 1,
        help_text="The same seed and choices give the same practice; default: a new seed each day.",
    )


POSE_FACTS_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "slug": {"type": "string"},
        "name_en": {"type": "string"},
        "name_sa": {"type": "string"},
        "image_src": {"type": "string"},
        "is_bilateral": {"type": "boolean"},
        "kind": {"type": "string", "enum": list(Kind.values)},
        "category": {"type": "string", "description": "Empty for breathing and meditation."},
        "position": {"type": "string", "enum": list(Position.values)},
        "intensity": {"type": "integer", "minimum": 1, "maximum": 5},
        "props": {"type": "array", "items": {"type": "string", "enum": list(Prop.values)}},
    },
    "required": [
        "id",
        "slug",
        "name_en",
        "name_sa",
        "image_src",
        "is_bilateral",
        "kind",
        "category",
        "position",
        "intensity",
        "props",
    ],
}


class GeneratedPoseSerializer(serializers.Serializer):
    """One row of the preview: `{"position": n, "step": Step}`."""

    position = serializers.IntegerField()
    pose = serializers.SerializerMethodField()
    duration_seconds = serializers.IntegerField(
        source="step.duration_seconds", help_text="Hold, per side for a bilateral pose."
    )
    side = serializers.ChoiceField(
        Side.choices,
        source="step.side",
        help_text="`right` and `left` in a flow done one side at a time; `both` for a pose "
        "held on each side in turn (the player runs right, then left) or a symmetric pose.",
    )
    phase = serializers.ChoiceField(
        list(PHASE_LABELS), source="step.phase", help_text="Where it sits in the arc."
    )
    phase_label = serializers.CharField(
        source="step.phase_label", help_text="The phase as the preview names it."
    )
    flow = serializers.CharField(
        source="step.flow",
        help_text="The flow the step belongs to (e.g. “Sun Salutation A, round 2”), or empty "
        "for a pose held on its own.",
    )
    reason = serializers.CharField(source="step.reason", help_text="Why this pose is here.")

    @extend_schema_field(POSE_FACTS_SCHEMA)
    def get_pose(self, row) -> dict:
        pose = row["step"].pose
        request = self.context.get("request")
        # A card without a photo shows its figure (at its unversioned address: no figure data).
        src = pose.image_src or figure_url(pose.slug)
        return {
            "id": pose.pk,
            "slug": pose.slug,
            "name_en": pose.name,
            "name_sa": pose.name_sa,
            "image_src": request.build_absolute_uri(src) if request else src,
            "is_bilateral": pose.is_bilateral,
            "kind": pose.kind,
            "category": pose.category,
            "position": pose.position,
            "intensity": pose.intensity,
            "props": list(pose.props),
        }


class PhaseSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(list(PHASE_LABELS), help_text="A phase of the arc.")
    label = serializers.CharField()
    first_position = serializers.IntegerField(help_text="Position of its first pose.")
    seconds = serializers.IntegerField(help_text="Time the phase takes, both sides counted.")


class GeneratedPracticeSerializer(serializers.Serializer):
    """The preview, and under `sequence` the body that saves it through POST sequences."""

    title = serializers.CharField(
        help_text="Says what the practice is: length, style, focus, peak."
    )
    description = serializers.CharField(
        help_text="The arc in a sentence: centring, flows, peak, ending."
    )
    minutes = serializers.IntegerField(source="choices.minutes")
    # Text as chosen; documented with the choices' enums, the only values that come back.
    level = _text_of(Difficulty)(source="choices.level")
    style = _text_of(Style)(source="choices.style")
    focus = serializers.ListField(child=_text_of(Focus)(), source="choices.focus")
    avoid = serializers.ListField(child=_text_of(Avoidance)(), source="choices.avoid")
    seed = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, help_text="Send it back to make the same practice."
    )
    total_duration_seconds = serializers.IntegerField(source="total_seconds")
    peak_position = serializers.SerializerMethodField(
        help_text="Position of the peak pose, the practice's most intense (null if none)."
    )
    phases = PhaseSerializer(many=True, help_text="The arc: each phase and where it starts.")
    poses = serializers.SerializerMethodField()
    checks = FindingSerializer(source="findings", many=True)
    sequence = serializers.SerializerMethodField(
        help_text="POST this to `sequences` to keep the practice as a private sequence."
    )

    @extend_schema_field(GeneratedPoseSerializer(many=True))
    def get_poses(self, practice) -> list:
        rows = [{"position": n, "step": step} for n, step in enumerate(practice.steps, start=1)]
        return GeneratedPoseSerializer(rows, many=True, context=self.context).data

    @extend_schema_field({"type": ["integer", "null"]})
    def get_peak_position(self, practice) -> int | None:
        peak = practice.peak
        return peak.position if peak is not None else None

    # The very component POST sequences takes, so a client saves it as it came.
    @extend_schema_field({"$ref": "#/components/schemas/SequenceWriteRequest"})
    def get_sequence(self, practice) -> dict:
        return practice.as_sequence()
