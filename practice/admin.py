"""Staff screen for practice sessions: a read-only list to look into support questions.

Sessions are the practitioner's own record: staff can look and delete (through
practice.services.delete_session), not add or edit.
"""

from django.contrib import admin

from practice.models import PracticeSession
from practice.services import delete_session


@admin.register(PracticeSession)
class PracticeSessionAdmin(admin.ModelAdmin):
    list_display = (
        "user_email",
        "local_date",
        "title",
        "style",
        "minutes",
        "completed",
        "source",
    )
    list_filter = ("source", "completed", "style", "local_date")
    search_fields = ("user__email", "sequence_title")
    list_select_related = ("user",)
    date_hierarchy = "started_at"
    ordering = ("-started_at",)

    @admin.display(description="User", ordering="user__email")
    def user_email(self, session: PracticeSession) -> str:
        return session.user.email

    @admin.display(description="Title", ordering="sequence_title")
    def title(self, session: PracticeSession) -> str:
        return session.sequence_title or "Practice"

    @admin.display(description="Minutes", ordering="duration_seconds")
    def minutes(self, session: PracticeSession) -> int:
        return session.minutes

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def delete_model(self, request, obj: PracticeSession) -> None:
        delete_session(user=obj.user, session=obj)

    def delete_queryset(self, request, queryset) -> None:
        for session in queryset.select_related("user"):
            delete_session(user=session.user, session=session)
