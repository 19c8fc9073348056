from django.urls import path

from . import dossier_views, triage_views

app_name = "advocacy_staff"

urlpatterns = [
    path("", triage_views.triage_list_view, name="triage"),
    path("<int:pk>/", triage_views.signal_view, name="signal"),
    path("dossiers/", dossier_views.dossier_list_view, name="dossiers"),
    path("dossiers/nieuw/", dossier_views.dossier_new_view, name="dossier_new"),
    path("dossiers/<int:pk>/", dossier_views.dossier_view, name="dossier"),
]
