from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("profiel/", views.profile, name="profile"),
    path("certificaat/", views.verify, name="verify_form"),
    path("certificaat/<str:code>/", views.verify, name="verify"),
    path("certificaat/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("raad/<int:council_id>/", views.council_overview, name="council_overview"),
    path("beheer/", views.statistics, name="statistics"),
    path("beheer/<slug:slug>/", views.course_statistics, name="course_statistics"),
    path(
        "beheer/<slug:slug>/export.<str:export>",
        views.course_statistics,
        name="course_statistics_export",
    ),
    path("cursus/<slug:slug>/", views.course_detail, name="course"),
    path("cursus/<slug:slug>/inschrijven/", views.enrol, name="enrol"),
    path("cursus/<slug:slug>/stap/<int:step_id>/", views.step_detail, name="step"),
    path("cursus/<slug:slug>/stap/<int:step_id>/klaar/", views.complete, name="complete"),
    path("cursus/<slug:slug>/stap/<int:step_id>/toets/", views.submit_quiz, name="submit_quiz"),
    path(
        "cursus/<slug:slug>/stap/<int:step_id>/uitslag/<int:attempt_id>/",
        views.quiz_result,
        name="quiz_result",
    ),
]
