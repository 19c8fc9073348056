"""Members, terms and recruitment (issue 15, part 6). ``vacancy_public`` is the one path of
the workspace outside a council: the page a council shares, found by its secret link."""

from django.urls import path

from . import member_views as views

urlpatterns = [
    path("<int:council_id>/leden/", views.members, name="members"),
    path("<int:council_id>/leden/vacatures/nieuw/", views.vacancy_new, name="vacancy_new"),
    path("<int:council_id>/leden/vacatures/<int:vacancy_id>/", views.vacancy, name="vacancy"),
    path(
        "<int:council_id>/leden/vacatures/<int:vacancy_id>/wijzigen/",
        views.vacancy_edit,
        name="vacancy_edit",
    ),
    path(
        "<int:council_id>/leden/vacatures/<int:vacancy_id>/sluiten/",
        views.vacancy_close,
        name="vacancy_close",
    ),
    path(
        "<int:council_id>/leden/vacatures/<int:vacancy_id>/delen/",
        views.vacancy_share,
        name="vacancy_share",
    ),
    path(
        "<int:council_id>/leden/vacatures/<int:vacancy_id>/kandidaten/nieuw/",
        views.candidate_new,
        name="candidate_new",
    ),
    path(
        "<int:council_id>/leden/kandidaten/<int:candidate_id>/",
        views.candidate_edit,
        name="candidate_edit",
    ),
    path(
        "<int:council_id>/leden/kandidaten/<int:candidate_id>/wissen/",
        views.candidate_delete,
        name="candidate_delete",
    ),
    path(
        "<int:council_id>/leden/inwerken/<int:seat_id>/",
        views.onboarding_page,
        name="onboarding",
    ),
    path(
        "<int:council_id>/leden/inwerken/<int:seat_id>/afvinken/",
        views.onboarding_tick,
        name="onboarding_tick",
    ),
    path("vacature/<uuid:token>/", views.vacancy_public, name="vacancy_public"),
]
