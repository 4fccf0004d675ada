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


def stats_row(data: dict) -> dict:
    """StatsSerializer(data).data for a dict practice.stats.practice_stats returned, built as
    plain dicts: the same JSON byte for byte (test_stats_api_rows holds it) without DRF's
    field-by-field work on the 12 weeks, the breakdowns and the top poses. Dates are written
    as DRF writes them (ISO 8601), numbers as ints, names as str (None stays None)."""

    def period(row: dict) -> dict:
        return {"start": _day(row["start"]), "sessions": row["sessions"], "minutes": row["minutes"]}

    def breakdown(rows: list[dict]) -> list[dict]:
        return [
            {
                "key": _text(row["key"]),
                "label": _text(row["label"]),
                "sessions": row["sessions"],
                "minutes": row["minutes"],
            }
            for row in rows
        ]

    return {
        "today": _day(data["today"]),
        "total_sessions": data["total_sessions"],
        "total_minutes": data["total_minutes"],
        "average_minutes": data["average_minutes"],
        "current_streak": data["current_streak"],
        "longest_streak": data["longest_streak"],
        "this_week": period(data["this_week"]),
        "this_month": period(data["this_month"]),
        "weeks": [period(week) for week in data["weeks"]],
        "styles": breakdown(data["styles"]),
        "focuses": breakdown(data["focuses"]),
        "top_poses": [
            {
                "slug": _text(pose["slug"]),
                "name": _text(pose["name"]),
                "sanskrit_name": _text(pose["sanskrit_name"]),
                "times": pose["times"],
            }
            for pose in data["top_poses"]
        ],
        "calendar_start": _day(data["calendar_start"]),
        "days": [
            {"date": day.isoformat(), "minutes": minutes} for day, minutes in data["days"].items()
        ],
    }


def _day(value):
    return value.isoformat() if value else None


def _text(value):
    return None if value is None else str(value)
