"""The year plan and the annual report (issue 15, part 8)."""

from django.urls import path

from . import planning_views as views

urlpatterns = [
    path("<int:council_id>/jaarplan/", views.year_plan, name="year_plan"),
    path(
        "<int:council_id>/jaarplan/onderwerpen/nieuw/",
        views.topic_new,
        name="year_plan_topic_new",
    ),
    path(
        "<int:council_id>/jaarplan/onderwerpen/<int:topic_id>/",
        views.topic_edit,
        name="year_plan_topic_edit",
    ),
    path(
        "<int:council_id>/jaarplan/onderwerpen/<int:topic_id>/verwijderen/",
        views.topic_delete,
        name="year_plan_topic_delete",
    ),
    path("<int:council_id>/jaarverslag/<int:year>/", views.annual_report, name="annual_report"),
    path(
        "<int:council_id>/jaarverslag/<int:year>/concept/",
        views.annual_report_generate,
        name="annual_report_generate",
    ),
    path(
        "<int:council_id>/jaarverslag/<int:year>/pdf/",
        views.annual_report_pdf,
        name="annual_report_pdf",
    ),
]
