"""Badges in the API: the same rows as the badges page (achievements.selectors.badges_for)."""

from rest_framework import serializers

from achievements.models import Rule, Unit


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
