"""Members, terms and recruitment: terms from the seats, vacancies with their candidates,
the public vacancy page and a new member's checklist."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.audit.models import AuditEntry
from raadsplein.learning.models import Enrolment, LearnerProfile
from raadsplein.learning.tests.factories import CourseFactory
from raadsplein.organisations.models import Seat, SeatRole
from raadsplein.organisations.tests.factories import SeatFactory

from .. import onboarding, recruitment, terms
from ..models import Candidate, Onboarding, SchemeSettings, Vacancy, VacancyState
from ..services import CouncilworkError
from . import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def term_of(council, person) -> terms.MemberTerm:
    return next(t for t in terms.member_terms(council) if t.person == person)


# --- terms ------------------------------------------------------------------------------------


def test_term_number_counts_seats_that_run_on_into_each_other(world):
    person = UserFactory()
    SeatFactory(
        person=person, council=world.council, start_date=days(-8 * 365), end_date=days(-4 * 365 - 1)
    )
    SeatFactory(
        person=person, council=world.council, start_date=days(-4 * 365 + 10), end_date=days(200)
    )
    assert term_of(world.council, person).number == 2


def test_term_number_restarts_after_a_long_gap_and_ignores_other_councils(world):
    person = UserFactory()
    SeatFactory(person=person, council=world.council, start_date=days(-3000), end_date=days(-1500))
    SeatFactory(
        person=person, council=world.other_council, start_date=days(-1400), end_date=days(-400)
    )
    SeatFactory(person=person, council=world.council, start_date=days(-300))
    assert term_of(world.council, person).number == 1


def test_reappointment_allowed_until_the_schemes_maximum(world):
    # The world's scheme: at most 2 terms in a row.
    first = UserFactory()
    SeatFactory(person=first, council=world.council, start_date=days(-30))
    second = UserFactory()
    SeatFactory(person=second, council=world.council, start_date=days(-2000), end_date=days(-600))
    SeatFactory(person=second, council=world.council, start_date=days(-599))
    assert term_of(world.council, first).reappointment is True
    assert term_of(world.council, second).reappointment is False


def test_reappointment_unknown_when_the_scheme_says_nothing(world):
    SchemeSettings.objects.filter(council=world.council).update(max_terms=None)
    assert term_of(world.council, world.member).reappointment is None
    page = client_for(world.member).get(reverse("councilwork:members", args=[world.council.pk]))
    assert "onbekend: de regeling zegt niets over het aantal termijnen" in page.content.decode()


def test_term_warning_within_the_warning_days(world, settings):
    settings.RAADSPLEIN_TERM_WARNING_DAYS = 90
    soon, later = UserFactory(), UserFactory()
    SeatFactory(person=soon, council=world.council, start_date=days(-1000), end_date=days(30))
    SeatFactory(person=later, council=world.council, start_date=days(-100), end_date=days(400))
    assert term_of(world.council, soon).ends_within_warning
    assert not term_of(world.council, later).ends_within_warning
    page = client_for(world.chair).get(reverse("councilwork:members", args=[world.council.pk]))
    assert "eindigt over 30 dagen" in page.content.decode()


def test_term_end_estimated_from_the_schemes_term_length(world):
    seat = Seat.objects.get(person=world.member, council=world.council)
    found = term_of(world.council, world.member)
    assert found.end_estimated
    assert found.end == datetime.date(
        seat.start_date.year + 4, seat.start_date.month, seat.start_date.day
    ) - datetime.timedelta(days=1)


def test_open_places_from_the_schemes_number_of_members(world):
    # Target 7; chair, secretary and member sit. A supporter does not fill a place.
    SeatFactory(council=world.council, role=SeatRole.ONDERSTEUNER)
    scheme = SchemeSettings.objects.get(council=world.council)
    assert terms.open_places(scheme, terms.member_terms(world.council)) == 4
    scheme.members_target = None
    assert terms.open_places(scheme, terms.member_terms(world.council)) is None


def test_members_page_shows_terms_and_open_places(world):
    page = client_for(world.member).get(reverse("councilwork:members", args=[world.council.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert world.chair.get_full_name() in body
    assert "Er zijn 4 plaatsen vrij" in body
    assert "1e termijn" in body


def test_members_page_queries_do_not_grow_with_seats(world, django_assert_num_queries):
    client = client_for(world.chair)
    url = reverse("councilwork:members", args=[world.council.pk])
    f.VacancyFactory(council=world.council)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _n in range(2):
        SeatFactory(council=world.council, start_date=days(-30))
        f.VacancyFactory(council=world.council)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("1e termijn") == 5


# --- vacancies and candidates ---------------------------------------------------------------


def vacancy_for(world, **kwargs) -> Vacancy:
    return recruitment.create_vacancy(
        council=world.council,
        by=world.chair,
        title=kwargs.pop("title", "Nieuw lid gezocht"),
        text=kwargs.pop("text", "Wij zoeken een lid. Mail naar raad@example.org om te reageren."),
        **kwargs,
    )


def test_vacancy_new_by_the_chair(world):
    response = client_for(world.chair).post(
        reverse("councilwork:vacancy_new", args=[world.council.pk]),
        {"title": "Lid gezocht", "role": "lid", "text": "Wij zoeken een lid dat mee wil denken."},
    )
    vacancy = Vacancy.objects.get(council=world.council)
    assert response.status_code == 302
    assert vacancy.title == "Lid gezocht"
    assert vacancy.state == VacancyState.OPEN and not vacancy.shared


def test_vacancy_new_bad_input_keeps_the_text(world):
    response = client_for(world.chair).post(
        reverse("councilwork:vacancy_new", args=[world.council.pk]),
        {"title": "Lid", "role": "lid", "text": "Kort", "closes_on": days(-3).isoformat()},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "ten minste 20 tekens" in body
    assert "Kort" in body
    assert not Vacancy.objects.exists()


def test_vacancy_new_refuses_a_closing_date_in_the_past(world):
    with pytest.raises(CouncilworkError, match="verleden"):
        vacancy_for(world, closes_on=days(-1))


def test_members_may_not_make_vacancies(world):
    response = client_for(world.member).post(
        reverse("councilwork:vacancy_new", args=[world.council.pk]),
        {"title": "Lid gezocht", "role": "lid", "text": "Wij zoeken een lid dat mee wil denken."},
    )
    assert response.status_code == 403
    assert not Vacancy.objects.exists()


def test_public_page_only_while_shared_and_open(world):
    vacancy = vacancy_for(world, closes_on=days(10))
    url = reverse("councilwork:vacancy_public", kwargs={"token": vacancy.share_token})
    assert Client().get(url).status_code == 404  # not shared yet
    recruitment.share_vacancy(vacancy=vacancy, by=world.chair, shared=True)
    page = Client().get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Wij zoeken een lid" in body
    assert world.council.name in body
    assert world.council.provider.name not in body
    for person in (world.chair, world.secretary, world.member):
        assert person.get_full_name() not in body
        assert person.email not in body
    Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=days(-1))
    assert Client().get(url).status_code == 404  # past its closing date
    Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=None, state=VacancyState.FILLED)
    assert Client().get(url).status_code == 404  # closed


def test_sharing_refuses_a_text_with_a_members_name(world):
    name = world.chair.get_full_name()
    vacancy = vacancy_for(world, text=f"Wij zoeken een lid. Bel onze voorzitter {name}.")
    with pytest.raises(CouncilworkError, match="naam van een lid"):
        recruitment.share_vacancy(vacancy=vacancy, by=world.chair, shared=True)
    vacancy.refresh_from_db()
    assert not vacancy.shared


def test_share_view_turns_the_public_page_on_and_off(world):
    vacancy = vacancy_for(world)
    client = client_for(world.chair)
    url = reverse("councilwork:vacancy_share", args=[world.council.pk, vacancy.pk])
    client.post(url, {"shared": "1"})
    vacancy.refresh_from_db()
    assert vacancy.shared
    client.post(url, {"shared": "0"})
    vacancy.refresh_from_db()
    assert not vacancy.shared


def test_closing_a_vacancy_deletes_its_candidates_after_asking(world):
    vacancy = vacancy_for(world)
    recruitment.share_vacancy(vacancy=vacancy, by=world.chair, shared=True)
    for name in ("Anna Kandidaat", "Bert Kandidaat"):
        recruitment.add_candidate(vacancy=vacancy, by=world.chair, name=name, email="a@example.org")
    other = vacancy_for(world, title="Tweede vacature")
    recruitment.add_candidate(vacancy=other, by=world.chair, name="Cor Blijft", phone="0612345678")
    client = client_for(world.chair)
    url = reverse("councilwork:vacancy_close", args=[world.council.pk, vacancy.pk])
    confirm = client.get(url).content.decode()
    assert "alle 2 kandidaten gewist" in confirm
    assert Candidate.objects.filter(vacancy=vacancy).count() == 2  # asking changes nothing
    client.post(url, {"outcome": "vervuld"})
    vacancy.refresh_from_db()
    assert vacancy.state == VacancyState.FILLED and not vacancy.shared and vacancy.ended_at
    assert not Candidate.objects.filter(vacancy=vacancy).exists()
    assert list(Candidate.objects.values_list("name", flat=True)) == ["Cor Blijft"]
    entry = AuditEntry.objects.get(action="councilwork.vacancy.closed")
    assert entry.data["candidates_deleted"] == 2
    assert "Kandidaat" not in str(entry.data) + entry.object_label


def test_close_without_a_choice_is_a_form_error(world):
    vacancy = vacancy_for(world)
    response = client_for(world.chair).post(
        reverse("councilwork:vacancy_close", args=[world.council.pk, vacancy.pk]), {"outcome": "x"}
    )
    assert "Kies hoe de vacature eindigt." in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.state == VacancyState.OPEN


def test_forget_ended_candidates_sweeps_vacancies_closed_another_way(world):
    vacancy = vacancy_for(world)
    recruitment.add_candidate(vacancy=vacancy, by=world.chair, name="Anna K", email="a@example.org")
    still_open = vacancy_for(world, title="Nog open")
    recruitment.add_candidate(vacancy=still_open, by=world.chair, name="Bert K", phone="0612345678")
    Vacancy.objects.filter(pk=vacancy.pk).update(
        state=VacancyState.CLOSED, ended_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert recruitment.forget_ended_candidates() == 1
    assert recruitment.forget_ended_candidates() == 0
    assert list(Candidate.objects.values_list("name", flat=True)) == ["Bert K"]


def test_candidate_bad_input_is_a_form_error(world):
    vacancy = vacancy_for(world)
    response = client_for(world.chair).post(
        reverse("councilwork:candidate_new", args=[world.council.pk, vacancy.pk]),
        {"name": "Anna", "email": "", "phone": "", "state": "new", "note": "x" * 50},
    )
    body = response.content.decode()
    assert "Vul een e-mailadres of een telefoonnummer in." in body
    assert "x" * 50 in body
    assert not Candidate.objects.exists()


def test_chair_adds_edits_and_deletes_a_candidate(world):
    vacancy = vacancy_for(world)
    client = client_for(world.chair)
    client.post(
        reverse("councilwork:candidate_new", args=[world.council.pk, vacancy.pk]),
        {"name": "Anna de Vries", "email": "anna@example.org", "phone": "", "state": "new"},
    )
    candidate = Candidate.objects.get()
    client.post(
        reverse("councilwork:candidate_edit", args=[world.council.pk, candidate.pk]),
        {"name": "Anna de Vries", "email": "anna@example.org", "state": "talked", "note": "Fijn"},
    )
    candidate.refresh_from_db()
    assert candidate.state == "talked" and candidate.note == "Fijn"
    client.post(reverse("councilwork:candidate_delete", args=[world.council.pk, candidate.pk]))
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("who", ["member", "advisor"])
def test_candidates_hidden_from_members_and_advisors(world, who):
    vacancy = vacancy_for(world)
    candidate = recruitment.add_candidate(
        vacancy=vacancy, by=world.chair, name="Anna Geheim", email="anna@example.org"
    )
    client = client_for(getattr(world, who))
    page = client.get(reverse("councilwork:vacancy", args=[world.council.pk, vacancy.pk]))
    assert page.status_code == 200
    assert "Anna Geheim" not in page.content.decode()
    assert "anna@example.org" not in page.content.decode()
    for name, args in (
        ("candidate_new", [world.council.pk, vacancy.pk]),
        ("candidate_edit", [world.council.pk, candidate.pk]),
        ("candidate_delete", [world.council.pk, candidate.pk]),
    ):
        assert client.get(reverse(f"councilwork:{name}", args=args)).status_code == 403
        assert client.post(reverse(f"councilwork:{name}", args=args)).status_code == 403
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_candidates_of_another_council_answer_404(world):
    other = f.VacancyFactory(council=world.other_council)
    candidate = Candidate.objects.create(vacancy=other, name="Elders", email="e@example.org")
    client = client_for(world.chair)
    url = reverse("councilwork:candidate_edit", args=[world.council.pk, candidate.pk])
    assert client.get(url).status_code == 404


# --- onboarding -------------------------------------------------------------------------------


def test_member_ticks_their_own_steps(world):
    seat = Seat.objects.get(person=world.member, council=world.council)
    client = client_for(world.member)
    url = reverse("councilwork:onboarding_tick", args=[world.council.pk, seat.pk])
    client.post(url, {"step": onboarding.CHAIR, "done": "1"})
    client.post(url, {"step": onboarding.SCHEME, "done": "1"})
    client.post(url, {"step": onboarding.CHAIR, "done": "0"})
    assert Onboarding.objects.get(seat=seat).done == [onboarding.SCHEME]
    page = client.get(reverse("councilwork:onboarding", args=[world.council.pk, seat.pk]))
    assert "1 van de 5 stappen gedaan" in page.content.decode()


def test_officer_ticks_for_a_member_but_members_not_for_each_other(world):
    seat = Seat.objects.get(person=world.member, council=world.council)
    chair_seat = Seat.objects.get(person=world.chair, council=world.council)
    client_for(world.chair).post(
        reverse("councilwork:onboarding_tick", args=[world.council.pk, seat.pk]),
        {"step": onboarding.YEAR_PLAN, "done": "1"},
    )
    assert Onboarding.objects.get(seat=seat).done == [onboarding.YEAR_PLAN]
    member = client_for(world.member)
    url = reverse("councilwork:onboarding_tick", args=[world.council.pk, chair_seat.pk])
    assert member.post(url, {"step": onboarding.CHAIR, "done": "1"}).status_code == 403
    page = reverse("councilwork:onboarding", args=[world.council.pk, chair_seat.pk])
    assert member.get(page).status_code == 403
    assert client_for(world.advisor).get(page).status_code == 403
    assert not Onboarding.objects.filter(seat=chair_seat).exists()


def test_unknown_step_changes_nothing(world):
    seat = Seat.objects.get(person=world.member, council=world.council)
    with pytest.raises(CouncilworkError):
        onboarding.tick_step(seat=seat, step="x\x00", done=True, by=world.member)
    assert not Onboarding.objects.exists()


def test_course_step_done_when_the_course_is_completed(world):
    course = CourseFactory(slug=onboarding.WELCOME_COURSE_SLUG, title="Welkom in de cliëntenraad")
    Enrolment.objects.create(person=world.member, course=course, completed_at=timezone.now())
    seat = Seat.objects.get(person=world.member, council=world.council)
    own = {s.key: s for s in onboarding.checklist(world.member, seat)}
    assert own[onboarding.COURSE].done
    assert own[onboarding.COURSE].links == [(course.title, course.get_absolute_url())]
    # The chair sees it only when the member shares their progress with the council.
    assert not {s.key: s for s in onboarding.checklist(world.chair, seat)}[onboarding.COURSE].done
    LearnerProfile.objects.create(person=world.member, share_progress=True)
    assert {s.key: s for s in onboarding.checklist(world.chair, seat)}[onboarding.COURSE].done


def test_onboarding_links_the_scheme_and_bewaarkaarten(world):
    from raadsplein.knowledge.tests.factories import publication

    card = publication(title="Bewaarkaart adviesrecht", kind="bewaarkaart")
    publication(title="Iets anders", kind="artikel")
    seat = Seat.objects.get(person=world.member, council=world.council)
    page = client_for(world.member).get(
        reverse("councilwork:onboarding", args=[world.council.pk, seat.pk])
    )
    body = page.content.decode()
    assert card.title in body
    assert "Iets anders" not in body
    assert reverse("councilwork:scheme", args=[world.council.pk]) in body


def test_new_members_are_listed_with_their_checklist(world):
    old = UserFactory()
    SeatFactory(person=old, council=world.council, start_date=days(-800))
    page = client_for(world.chair).get(reverse("councilwork:members", args=[world.council.pk]))
    body = page.content.decode()
    seat = Seat.objects.get(person=world.member, council=world.council)
    old_seat = Seat.objects.get(person=old)
    assert reverse("councilwork:onboarding", args=[world.council.pk, seat.pk]) in body
    assert reverse("councilwork:onboarding", args=[world.council.pk, old_seat.pk]) not in body


def test_a_member_sees_only_their_own_checklist_link(world):
    page = client_for(world.member).get(reverse("councilwork:members", args=[world.council.pk]))
    body = page.content.decode()
    own = Seat.objects.get(person=world.member, council=world.council)
    chair = Seat.objects.get(person=world.chair, council=world.council)
    assert reverse("councilwork:onboarding", args=[world.council.pk, own.pk]) in body
    assert reverse("councilwork:onboarding", args=[world.council.pk, chair.pk]) not in body
