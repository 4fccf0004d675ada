"""'Your data' pages, mounted at /accounts/data/ (namespace "account_data")."""

from django.urls import path

from yogaflow import account_views

app_name = "account_data"

urlpatterns = [
    path("export.json", account_views.export_json, name="export"),
    path("sessions.csv", account_views.sessions_csv, name="sessions_csv"),
    path("delete/", account_views.delete_account, name="delete"),
]
