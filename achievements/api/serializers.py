"""Badges in the API: the same rows as the badges page (achievements.selectors.badges_for)."""

from rest_framework import serializers

from achievements.models import Rule, Unit
from yogaflow.core.api.fields import moment_text


class BadgeSerializer(serializers.Serializer):
    code = serializers.SlugField(source="achievement.code")
    name = serializers.CharField(source="achievement.name")
    description = serializers.CharField(source="achievement.description")
    icon = serializers.CharField(source="achievement.icon", help_text="An emoji.")
    rule = serializers.ChoiceField(choices=Rule.choices, source="achievement.rule")
    threshold = serializers.IntegerField(help_text="The value of `rule` that earns the badge.")
    unit = serializers.ChoiceField(
        choices=Unit.choices, help_text="What `progress` and `threshold` count: 4 / 7 days."
    )
    earned = serializers.BooleanField()
    earned_at = serializers.DateTimeField(allow_null=True, help_text="Null while locked.")
    progress = serializers.IntegerField(
        help_text="Current value of `rule`, capped at `threshold` (equal to it once earned)."
    )


def badge_rows(badges: list[dict]) -> list[dict]:
    """Each badge of achievements.selectors.badges_for as BadgeSerializer answers it, built as
    plain dicts: the same JSON byte for byte (test_api_rows holds it)."""
    return [
        {
            "code": badge["achievement"].code,
            "name": badge["achievement"].name,
            "description": badge["achievement"].description,
            "icon": badge["achievement"].icon,
            "rule": badge["achievement"].rule,
            "threshold": badge["threshold"],
            "unit": badge["unit"],
            "earned": bool(badge["earned"]),
            "earned_at": moment_text(badge["earned_at"]),
            "progress": badge["progress"],
        }
        for badge in badges
    ]
