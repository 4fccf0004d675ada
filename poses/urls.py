from django.urls import path, register_converter

from poses import views


class SideConverter:
    """The side a figure is drawn for: "right" (as described) or "left" (its mirror image)."""

    regex = "right|left"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SideConverter, "side")

app_name = "poses"

urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/figure.svg", views.figure, {"side": "right"}, name="figure"),
    path("<slug:slug>/figure-left.svg", views.figure, {"side": "left"}, name="figure_left"),
    path(
        "<slug:slug>/to/<slug:to>/<side:side_from>-<side:side_to>.svg",
        views.transition,
        name="transition",
    ),
    path("<slug:slug>/rating/", views.rate, name="rate"),
]
