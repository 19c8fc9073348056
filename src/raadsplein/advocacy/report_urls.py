"""Reports and the export, for policy staff: ``/signalen/behandelen/rapport/``."""

from django.urls import path

from . import report_views

app_name = "advocacy_reports"

urlpatterns = [
    path("", report_views.reports_home, name="home"),
    path("periode.<str:fmt>", report_views.period_report, name="period"),
    path("dossier/", report_views.dossier_report_choice, name="dossier_choice"),
    path("dossier/<int:pk>.<str:fmt>", report_views.dossier_report, name="dossier"),
    path("export.<str:fmt>", report_views.export_signals, name="export"),
    path("citaten/", report_views.quotes_view, name="quotes"),
    path("citaten/<int:pk>/verwijderen/", report_views.remove_quote, name="remove_quote"),
]
