from django.urls import path

from poses import views

app_name = "poses"

urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/figure.svg", views.figure, {"side": "right"}, name="figure"),
    path("<slug:slug>/figure-left.svg", views.figure, {"side": "left"}, name="figure_left"),
    path("<slug:slug>/rating/", views.rate, name="rate"),
]
