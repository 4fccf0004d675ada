"""Staff screens for the pose library: find a pose by either name, edit it and its figure
(with a live preview drawn by the one renderer), give it a photo.

Saves go through poses.services (save_pose, set_pose_image, clear_pose_image),
so the admin applies exactly the rules of the staff API and the loader.
"""

import copy
import json
from urllib.parse import quote

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from poses.cautions import caution_findings
from poses.figures import validate_figure
from poses.images import validate_pose_image
from poses.models import (
    FIGURE_REQUIRED,
    NEW_POSE_FIGURE,
    SEQUENCING_FIELDS,
    Caution,
    Pose,
    Prop,
    TargetArea,
)
from poses.pictures import figure_svg, preview_figure
from poses.selectors import pose_search_q
from poses.services import POSE_FIELDS, clear_pose_image, save_pose, set_pose_image

SIDE_LABELS = {"right": "Right side (as described)", "left": "Left side (mirrored)"}


class LinesField(forms.CharField):
    """A JSON list of texts edited as a textarea, one item per line."""

    widget = forms.Textarea(attrs={"rows": 6, "cols": 90})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class FigureWidget(forms.Textarea):
    """The figure's JSON with both sides drawn beside it, as typed so far (a new pose: the figure
    it starts from); static/js/figure-preview.js redraws them through the admin's
    figure-preview URL as staff type."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 24, "cols": 40, "spellcheck": "false", **(attrs or {})})
        self.pose_name = "New pose"

    def _drawn(self, value) -> tuple[dict[str, str], str]:
        """({side: SVG}, "") for a figure, or ({}, why not) for what is not one yet."""
        try:
            figure = json.loads(value) if isinstance(value, str) else value
            validate_figure(figure)
        except ValueError:
            return {}, "Not valid JSON yet."
        except ValidationError as error:
            return {}, " ".join(error.messages)
        return {
            side: figure_svg(figure, name=self.pose_name, side=side) for side in SIDE_LABELS
        }, ""

    def render(self, name, value, attrs=None, renderer=None):
        # A refused save shows the typed figure again: say why it was not drawn.
        svgs, problem = self._drawn(value)
        pictures = format_html_join(
            "",
            '<figure class="figure-preview__side"{}><img src="{}" alt="{}" width="240" '
            'height="180" data-figure-side="{}"><figcaption>{}</figcaption></figure>',
            (
                (
                    "" if svgs else format_html(" {}", "hidden"),
                    f"data:image/svg+xml;charset=utf-8,{quote(svgs[side])}" if svgs else "",
                    f"{self.pose_name}: {label}",
                    side,
                    label,
                )
                for side, label in SIDE_LABELS.items()
            ),
        )
        return format_html(
            '<div class="figure-editor">{}<div class="figure-preview" data-figure-preview '
            'data-url="{}">{}<p class="figure-preview__status" data-figure-status role="status">'
            "{}</p></div></div>",
            super().render(name, value, attrs, renderer),
            reverse("admin:poses_pose_figure_preview"),
            pictures,
            problem,
        )


class FigureField(forms.JSONField):
    """A figure as indented JSON (poses/figures/schema.py documents its keys), previewed."""

    widget = FigureWidget

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class PoseAdminForm(forms.ModelForm):
    figure = FigureField(
        error_messages={"required": FIGURE_REQUIRED},
        help_text="JSON: a view (side or front), joint angles in degrees, and optionally near "
        "side, limbs drawn in front, depth, props and contacts; the format is in "
        "poses/figures/schema.py. Describe a two-sided pose on its right side. The preview "
        "redraws as you type.",
    )
    instructions = LinesField(help_text="The steps in order, one per line.")
    benefits = LinesField(required=False, help_text="One benefit per line.")
    target_areas = forms.MultipleChoiceField(
        choices=TargetArea.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    cautions = forms.MultipleChoiceField(
        choices=Caution.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    props = forms.MultipleChoiceField(
        choices=Prop.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Pose
        fields = (
            "name_en",
            "name_sa",
            "slug",
            "is_published",
            "kind",
            "category",
            "difficulty",
            "target_areas",
            "cautions",
            *SEQUENCING_FIELDS,
            "props",
            "breath_pattern",
            "description",
            "instructions",
            "benefits",
            "contraindications",
            "modifications",
            "figure",
            "image",
            "image_urls",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].widget.pose_name = self.instance.name_en or "New pose"

    def _in_stored_order(self, name: str) -> list[str]:
        # Checkboxes come back in menu order: keep the stored order of what stays
        # ticked, so saving an untouched pose does not count as a content edit.
        chosen = self.cleaned_data.get(name) or []
        kept = [value for value in self.initial.get(name) or [] if value in chosen]
        return kept + [value for value in chosen if value not in kept]

    def clean_target_areas(self):
        return self._in_stored_order("target_areas")

    def clean_cautions(self):
        return self._in_stored_order("cautions")

    def clean_props(self):
        return self._in_stored_order("props")

    def clean_image(self):
        image = self.cleaned_data.get("image")
        # A new upload (not the stored file, not "clear") gets the one image rule.
        if image and "image" in self.changed_data:
            try:
                validate_pose_image(image)
            except ValidationError as error:
                raise ValidationError(error.error_dict["image"]) from error
        return image


@admin.register(Pose)
class PoseAdmin(admin.ModelAdmin):
    form = PoseAdminForm

    class Media:
        # The list's thumbnails and the form's figure editor (no inline style: the CSP).
        css = {"all": ["standalone/admin-pose.css"]}

    list_display = (
        "thumbnail",
        "name_en",
        "name_sa",
        "category",
        "difficulty",
        "default_hold_seconds",
        "is_bilateral",
        "is_published",
        "updated_at",
    )
    list_display_links = ("thumbnail", "name_en")
    list_editable = ("is_published",)
    list_filter = ("kind", "category", "position", "difficulty", "is_published", "is_bilateral")
    search_fields = ("name_en", "name_sa", "slug")
    search_help_text = "English or Sanskrit name, or slug; accents optional (svanasana)."
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = (
        "caution_check",
        "image_preview",
        "created_at",
        "updated_at",
    )
    ordering = ("name_en",)
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("name_en", "name_sa", "slug", "is_published")}),
        (
            "Classification",
            {
                "fields": (
                    "kind",
                    "category",
                    "difficulty",
                    "target_areas",
                    "cautions",
                    "caution_check",
                )
            },
        ),
        (
            "Sequencing",
            {
                "description": "What the generator and the sequence checks order a class by.",
                "fields": (
                    "position",
                    ("intensity", "effort"),
                    "is_bilateral",
                    ("default_hold_seconds", "hold_min_seconds", "hold_max_seconds"),
                    ("long_hold_min_seconds", "long_hold_max_seconds"),
                    "props",
                    "breath_pattern",
                ),
            },
        ),
        (
            "Teaching",
            {
                "fields": (
                    "description",
                    "instructions",
                    "benefits",
                    "contraindications",
                    "modifications",
                )
            },
        ),
        (
            "Figure",
            {
                "description": "How the pose is drawn on every page, in the player and on "
                "printed sequences (unless a photo is uploaded below).",
                "fields": ("figure",),
            },
        ),
        ("Photo", {"fields": ("image_preview", "image", "image_urls")}),
        ("History", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    @admin.display(description="Cautions check")
    def caution_check(self, pose: Pose):
        """What poses.cautions finds between the tags, the text and the shape (as saved)."""
        if pose.pk is None:
            return (
                "Checked when the pose is saved: every warning in the contraindications needs "
                "its caution tag, and every tag needs its warning."
            )
        findings = caution_findings(_content(pose))
        if not findings:
            return "The caution tags agree with the contraindications and the shape."
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((f.message,) for f in findings))
        )

    @admin.display(description="Image")
    def thumbnail(self, pose: Pose):
        return format_html(
            '<img class="pose-thumbnail" src="{}" alt="" width="48" height="48" loading="lazy">',
            pose.image_src,
        )

    @admin.display(description="Shown as")
    def image_preview(self, pose: Pose):
        if not pose.has_own_image:
            return "The figure above: no photo is uploaded."
        return format_html(
            '<img class="pose-photo-preview" src="{}" alt="{}" width="240"> '
            "(a photo shows instead of the figure)",
            pose.photo_src,
            pose.name_en,
        )

    def get_changeform_initial_data(self, request):
        """A new pose starts from a body standing at ease, to be shaped into the pose."""
        return {
            "figure": copy.deepcopy(NEW_POSE_FIGURE),
            **super().get_changeform_initial_data(request),
        }

    def get_urls(self):
        preview = path(
            "figure-preview/",
            self.admin_site.admin_view(self.figure_preview_view),
            name="poses_pose_figure_preview",
        )
        return [preview, *super().get_urls()]

    @method_decorator(require_POST)
    def figure_preview_view(self, request):
        """POST figure (JSON text) and name: both sides as SVG, or the validation message (400).
        Staff who may add or change poses only; the admin site checks the CSRF token."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        try:
            svgs = preview_figure(
                request.POST.get("figure", ""), name=request.POST.get("name") or "New pose"
            )
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        return JsonResponse(svgs)

    def get_search_results(self, request, queryset, search_term):
        """Django's search, plus the accent-blind name match the library pages use.

        Sequence inlines pick poses through this search: offer published ones only.
        """
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            results = results | queryset.filter(pose_search_q(search_term))
        if request.GET.get("model_name") == "sequencepose" and request.GET.get("field_name"):
            results = results.filter(is_published=True)
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        """Fields through save_pose; a new or cleared image through the image services."""
        image_changed = "image" in form.changed_data
        upload = form.cleaned_data.get("image") if image_changed else None
        if image_changed:
            obj.image = form.initial.get("image") or ""
        save_pose(pose=obj)
        for finding in caution_findings(_content(obj)):
            # Saved all the same: the text may be right and the rule too strict for it.
            messages.warning(request, f"Cautions check: {finding.message}")
        if image_changed and upload:
            set_pose_image(pose=obj, upload=upload)
        elif image_changed:
            clear_pose_image(pose=obj)


def _content(pose: Pose) -> dict:
    """The pose's fields as poses.cautions reads them (a row of the content file)."""
    return {name: getattr(pose, name) for name in POSE_FIELDS if hasattr(pose, name)}
