"""Sequence pages.

Fixed words (favorites, mine, new, today) come before <slug>; slugs never use them.
"""

from django.urls import path

from sequences import builder_views, today_views, views

app_name = "sequences"

urlpatterns = [
    path("", views.catalog, name="catalog"),
    path("favorites/", views.favorites, name="favorites"),
    path("mine/", builder_views.mine, name="mine"),
    path("new/", builder_views.create, name="create"),
    path("today/", today_views.today, name="today"),
    path("today/save/", today_views.save_today, name="save_today"),
    path("today/print/", today_views.print_today, name="print_today"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/print/", views.print_sheet, name="print"),
    path("<slug:slug>/favorite/", views.favorite, name="favorite"),
    path("<slug:slug>/duplicate/", builder_views.duplicate, name="duplicate"),
    path("<slug:slug>/delete/", builder_views.delete, name="delete"),
    path("<slug:slug>/edit/", builder_views.edit, name="edit"),
    path("<slug:slug>/edit/add/", builder_views.add_pose, name="add_pose"),
    path("<slug:slug>/edit/items/<int:position>/", builder_views.update_item, name="update_item"),
    path("<slug:slug>/edit/items/<int:position>/move/", builder_views.move_item, name="move_item"),
    path(
        "<slug:slug>/edit/items/<int:position>/remove/",
        builder_views.remove_item,
        name="remove_item",
    ),
]
