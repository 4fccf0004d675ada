"""Shapes of the stats API: read-only views of the dict practice.stats.practice_stats returns."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(help_text="First day of the period (local).")
    sessions = serializers.IntegerField()
    minutes = serializers.IntegerField()


class WeekSerializer(PeriodSerializer):
    """One Monday-based week, in the practitioner's time zone."""


class BreakdownSerializer(serializers.Serializer):
    key = serializers.CharField(help_text='The style or focus value; "" when none was recorded.')
    label = serializers.CharField()
    sessions = serializers.IntegerField()
    minutes = serializers.IntegerField()


class TopPoseSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    sanskrit_name = serializers.CharField()
    times = serializers.IntegerField(help_text="How many times it was held in recorded sessions.")


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    minutes = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    """Statistics of the authenticated practitioner, computed in their own time zone."""

    today = serializers.DateField(help_text="Today in the practitioner's time zone.")
    total_sessions = serializers.IntegerField()
    total_minutes = serializers.IntegerField()
    average_minutes = serializers.IntegerField(help_text="Average session length in minutes.")
    current_streak = serializers.IntegerField(
        help_text="Consecutive practice days up to today (or yesterday, if not yet today)."
    )
    longest_streak = serializers.IntegerField()
    this_week = PeriodSerializer(help_text="Monday-based week holding today.")
    this_month = PeriodSerializer()
    weeks = WeekSerializer(many=True, help_text="The last 12 weeks, oldest first.")
    styles = BreakdownSerializer(many=True, help_text="Most minutes first.")
    focuses = BreakdownSerializer(many=True, help_text="Most minutes first.")
    top_poses = TopPoseSerializer(many=True, help_text="Up to 5, most practised first.")
    calendar_start = serializers.DateField(help_text="First day the `days` list covers.")
    days = serializers.SerializerMethodField(
        help_text="Practised days from `calendar_start` to today, oldest first."
    )

    @extend_schema_field(DaySerializer(many=True))
    def get_days(self, data) -> list:
        # Plain dicts: ~370 nested serializers would cost more than the queries.
        return [
            {"date": day.isoformat(), "minutes": minutes} for day, minutes in data["days"].items()
        ]
