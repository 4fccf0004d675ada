"""Staff screens for sequences (with their ordered poses inline) and a read-only view of favorites.

Sequence edits go through sequences.services.save_sequence, so the admin keeps
the same rules as the pages and the API (published poses, 5–600 s holds, at
most MAX_POSES_PER_SEQUENCE poses, 150) and the derived totals are recomputed with
every change.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from sequences.models import MAX_POSES_PER_SEQUENCE, Favorite, Sequence, SequencePose, Visibility
from sequences.services import save_sequence, validate_items
from yogaflow.core.admin import HistoryAdmin


def format_duration(seconds: int) -> str:
    """m:ss, minutes uncapped (75:00 for an hour and a quarter)."""
    minutes, seconds = divmod(seconds or 0, 60)
    return f"{minutes}:{seconds:02d}"


class PoseAutocompleteSelect(AutocompleteSelect):
    """Renders a row's chosen pose from the row itself, not with one query per row."""

    selected_pose = None

    def optgroups(self, name, value, attr=None):
        pose = self.selected_pose
        chosen = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if pose is None or chosen != {str(pose.pk)}:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(pose)
        options.append(self.create_option(name, pose.pk, label, chosen, len(options)))
        return [(None, options, 0)]


class SequencePoseForm(forms.ModelForm):
    class Meta:
        model = SequencePose
        fields = ("position", "pose", "duration_seconds", "side", "cue")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Renumbered 1, 2, 3… on save; a new row without a number goes last.
        self.fields["position"].required = False
        widget = self.fields["pose"].widget
        widget = getattr(widget, "widget", widget)
        if isinstance(widget, PoseAutocompleteSelect) and self.instance.pose_id:
            widget.selected_pose = self.instance.pose


class SequencePoseFormSet(BaseInlineFormSet):
    """Checks the resulting pose list with save_sequence's rules; `items` is what gets saved."""

    def clean(self):
        super().clean()
        self.items = None
        if any(self.errors) or not self.has_changed():
            return
        rows = []
        for index, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", {})
            if form in self.deleted_forms or not data.get("pose"):
                continue
            position = data.get("position")
            rows.append(((position is None, position or 0, index), data))
        self.items = [
            {
                "pose": data["pose"],
                "duration_seconds": data["duration_seconds"],
                "side": data["side"],
                "cue": data.get("cue") or "",
            }
            for _key, data in sorted(rows, key=lambda row: row[0])
        ]
        try:
            validate_items(self.items)
        except ValidationError as error:
            raise ValidationError(error.message_dict["poses"]) from error


class SequencePoseInline(admin.TabularInline):
    model = SequencePose
    form = SequencePoseForm
    formset = SequencePoseFormSet
    fields = ("position", "pose", "duration_seconds", "side", "cue")
    autocomplete_fields = ("pose",)
    ordering = ("position",)
    extra = 1
    max_num = MAX_POSES_PER_SEQUENCE
    verbose_name = "pose"
    verbose_name_plural = "poses (change the numbers to reorder; holds are per side)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("pose")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "pose":
            kwargs["widget"] = PoseAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "pose":
            # No add/edit/delete-pose icons on every row: poses are edited on their own page.
            for action in ("add", "change", "delete", "view"):
                setattr(field.widget, f"can_{action}_related", False)
        return field


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return (("curated", "Curated library"), ("community", "Practitioners' own"))

    def queryset(self, request, queryset):
        if self.value() == "curated":
            return queryset.filter(author__isnull=True)
        if self.value() == "community":
            return queryset.filter(author__isnull=False)
        return queryset


@admin.register(Sequence)
class SequenceAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "style",
        "difficulty",
        "focus",
        "author_display",
        "visibility",
        "pose_count",
        "duration",
        "updated_at",
    )
    list_filter = (SourceFilter, "style", "difficulty", "focus", "visibility")
    list_select_related = ("author",)
    search_fields = ("title", "slug", "description", "author__email", "author__display_name")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "author_display",
        "pose_count",
        "duration",
        "copied_from",
        "created_at",
        "updated_at",
    )
    fields = (
        "title",
        "slug",
        "description",
        ("difficulty", "focus", "style"),
        "visibility",
        "author_display",
        ("pose_count", "duration"),
        "copied_from",
        ("created_at", "updated_at"),
    )
    inlines = (SequencePoseInline,)
    ordering = ("title",)
    list_per_page = 50

    @admin.display(description="Author", ordering="author__email")
    def author_display(self, sequence: Sequence) -> str:
        return "Curated" if sequence.author_id is None else sequence.author.email

    @admin.display(description="Duration", ordering="total_duration_seconds")
    def duration(self, sequence: Sequence) -> str:
        return format_duration(sequence.total_duration_seconds)

    def get_changeform_initial_data(self, request):
        # Staff add to the curated library, which everyone should see.
        return {"visibility": Visibility.PUBLIC, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        save_sequence(author=obj.author, sequence=obj)

    def save_formset(self, request, form, formset, change):
        """The inline's pose list is saved whole by save_sequence: renumbered, totals recomputed."""
        if not isinstance(formset, SequencePoseFormSet):
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # writes nothing; records what changed for the history
        if formset.items is not None:
            sequence = form.instance
            save_sequence(author=sequence.author, sequence=sequence, poses=formset.items)


@admin.register(Favorite)
class FavoriteAdmin(HistoryAdmin):
    """Read-only: favorites belong to the practitioners who set them."""

    list_display = ("user", "sequence", "created_at")
    list_select_related = ("user", "sequence")
    search_fields = ("user__email", "sequence__title")
    date_hierarchy = "created_at"
