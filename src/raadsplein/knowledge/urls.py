from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.catalogue, name="index"),
    path("zoeken/", views.catalogue, name="search"),
    path("bestanden/<int:file_id>/", views.download, name="file"),
    path("feed/", views.PublicFeed(), name="feed"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]
