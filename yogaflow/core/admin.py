"""Admin building blocks shared by the apps' staff screens."""

from django.contrib import admin


class HistoryAdmin(admin.ModelAdmin):
    """A record of what practitioners did (favorites, badges earned): staff look, never edit.

    Rows are written only by the services that own them, so the admin can neither add,
    change nor delete one."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
