from achievements.api import views
from yogaflow.core.api.routes import api_route

urlpatterns = [*api_route("achievements", views.AchievementListView, "api-achievements")]
