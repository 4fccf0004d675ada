from django.urls import path

from practice import offline_views, player_views, stats_views, views

app_name = "practice"

urlpatterns = [
    path("play/today/", player_views.play_today, name="play_today"),
    path("play/<slug:slug>/", player_views.player, name="player"),
    path("record/", player_views.record, name="record"),
    path("sessions/", views.history, name="history"),
    path("sessions/new/", views.log_practice, name="log"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/summary/", player_views.summary, name="summary"),
    path("sessions/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("stats/", stats_views.stats, name="stats"),
    path("offline/", offline_views.offline_urls, name="offline"),
]
