from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import sitemaps, views

app_name = "web"

urlpatterns = [
    path("mijn/", views.dashboard, name="dashboard"),
    path("medewerkers/", views.staff_home, name="staff_home"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("lid-worden/", views.membership, name="membership"),
    path("contact/", views.contact, name="contact"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-site.xml",
        sitemap,
        {"sitemaps": {"site": sitemaps.SitePages}},
        name="sitemap_site",
    ),
]
