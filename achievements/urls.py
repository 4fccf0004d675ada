from django.urls import path

from achievements import views

app_name = "achievements"

urlpatterns = [path("", views.badges, name="badges")]
