"""Staff screens for badges: rules and thresholds are data, awards are read-only history."""

from django.contrib import admin

from achievements.models import Achievement, UserAchievement
from yogaflow.core.admin import HistoryAdmin


@admin.register(Achievement)
class AchievementAdmin(admin.ModelAdmin):
    list_display = ["icon", "name", "code", "rule", "threshold", "sort_order", "is_active"]
    list_display_links = ["name"]
    list_editable = ["sort_order", "is_active"]
    list_filter = ["rule", "is_active"]
    search_fields = ["code", "name"]
    ordering = ["sort_order", "threshold", "code"]
    fields = ["code", "name", "description", "icon", "rule", "threshold", "sort_order", "is_active"]


@admin.register(UserAchievement)
class UserAchievementAdmin(HistoryAdmin):
    """Awards are made by achievements.services.evaluate_for only: staff may look, not touch."""

    list_display = ["user", "achievement", "earned_at"]
    list_filter = ["achievement"]
    search_fields = ["user__email", "achievement__code"]
    list_select_related = ["user", "achievement"]
    date_hierarchy = "earned_at"
    ordering = ["-earned_at"]
