"""Root URL map: pages per app, the JSON API under /api/v1/, health probes, admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from practice.offline_views import service_worker
from sequences.today_views import home
from yogaflow import health

urlpatterns = [
    path("", home, name="home"),
    # At the root, so the worker may keep every page (practice.offline_views).
    path("sw.js", service_worker, name="service_worker"),
    path("accounts/data/", include("yogaflow.account_urls")),
    path("accounts/", include("accounts.urls")),
    path("poses/", include("poses.urls")),
    path("sequences/", include("sequences.urls")),
    path("practice/", include("practice.urls")),
    path("badges/", include("achievements.urls")),
    path("api/v1/", include("yogaflow.api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "yogaflow.core.errors.bad_request"
handler404 = "yogaflow.core.errors.page_not_found"
handler500 = "yogaflow.core.errors.server_error"
