"""The year plan and the annual report: topics, the generated draft, editing with revisions,
regenerating after confirmation, and the PDF."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsplein.learning.models import Enrolment, LearnerProfile
from raadsplein.learning.tests.factories import CourseFactory

from .. import planning
from ..models import (
    AnnualReport,
    ContactKind,
    Kind,
    Outcome,
    State,
    YearPlan,
    YearPlanTopic,
)
from ..services import CouncilworkError
from . import factories as f

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def at(month: int, day: int, year: int = YEAR) -> datetime.datetime:
    return datetime.datetime(year, month, day, 19, 30, tzinfo=timezone.get_current_timezone())


# --- the year plan ----------------------------------------------------------------------------


def test_chair_adds_a_topic_linked_to_a_trajectory(world):
    trajectory = f.TrajectoryFactory(council=world.council, title="Nieuwbouw De Linde")
    year = timezone.localdate().year
    response = client_for(world.chair).post(
        reverse("councilwork:year_plan_topic_new", args=[world.council.pk]) + f"?jaar={year}",
        {
            "title": "Nieuwbouw",
            "description": "Meepraten over de plannen.",
            "quarter": "2",
            "planned_kind": Kind.ADVICE,
            "trajectory": trajectory.pk,
        },
    )
    assert response.status_code == 302
    topic = YearPlanTopic.objects.get()
    assert (topic.plan.year, topic.quarter, topic.trajectory) == (year, 2, trajectory)
    page = client_for(world.member).get(reverse("councilwork:year_plan", args=[world.council.pk]))
    assert "Nieuwbouw De Linde" in page.content.decode()


def test_topic_refuses_another_councils_trajectory(world):
    other = f.TrajectoryFactory(council=world.other_council)
    response = client_for(world.chair).post(
        reverse("councilwork:year_plan_topic_new", args=[world.council.pk]),
        {"title": "Begroting", "quarter": "9", "trajectory": other.pk},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kies een traject uit de lijst." in body
    assert "Begroting" in body
    assert not YearPlanTopic.objects.exists()
    with pytest.raises(CouncilworkError):
        planning.add_topic(
            council=world.council, year=YEAR, by=world.chair, title="Begroting", trajectory=other
        )


def test_topic_edit_and_delete(world):
    topic = planning.add_topic(council=world.council, year=YEAR, by=world.chair, title="Begroting")
    client = client_for(world.chair)
    client.post(
        reverse("councilwork:year_plan_topic_edit", args=[world.council.pk, topic.pk]),
        {"title": "Begroting 2027", "quarter": "4", "planned_kind": Kind.ADVICE},
    )
    topic.refresh_from_db()
    assert (topic.title, topic.quarter, topic.planned_kind) == ("Begroting 2027", 4, Kind.ADVICE)
    client.post(reverse("councilwork:year_plan_topic_delete", args=[world.council.pk, topic.pk]))
    assert not YearPlanTopic.objects.exists()


def test_members_read_the_plan_but_do_not_change_it(world):
    topic = planning.add_topic(council=world.council, year=YEAR, by=world.chair, title="Begroting")
    client = client_for(world.member)
    url = reverse("councilwork:year_plan_topic_edit", args=[world.council.pk, topic.pk])
    assert client.post(url, {"title": "Anders"}).status_code == 403
    client.post(reverse("councilwork:year_plan", args=[world.council.pk]), {"intro": "Weg"})
    topic.refresh_from_db()
    assert topic.title == "Begroting"
    assert not YearPlan.objects.exclude(intro="").exists()


@pytest.mark.parametrize("value", ["99999999999999999999", "abc", "-1", "1999", "\x00"])
def test_year_plan_odd_year_falls_back_to_this_year(world, value):
    page = client_for(world.chair).get(
        reverse("councilwork:year_plan", args=[world.council.pk]), {"jaar": value}
    )
    assert page.status_code == 200
    assert f"Jaarplan {timezone.localdate().year}" in page.content.decode()


def test_year_plan_queries_do_not_grow_with_topics(world, django_assert_num_queries):
    year = timezone.localdate().year
    client = client_for(world.chair)
    url = reverse("councilwork:year_plan", args=[world.council.pk])
    trajectory = f.TrajectoryFactory(council=world.council)
    planning.add_topic(
        council=world.council, year=year, by=world.chair, title="Eén", trajectory=trajectory
    )
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for title in ("Twee", "Drie"):
        planning.add_topic(
            council=world.council,
            year=year,
            by=world.chair,
            title=title,
            trajectory=f.TrajectoryFactory(council=world.council),
        )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert "Drie" in response.content.decode()


# --- the annual report ------------------------------------------------------------------------


def year_of_work(world):
    council = world.council
    for month in (1, 3, 6):
        f.MeetingFactory(council=council, starts_at=at(month, 12))
    f.MeetingFactory(council=council, starts_at=at(2, 1), cancelled_at=timezone.now())
    f.MeetingFactory(council=council, starts_at=at(5, 5, YEAR - 1))  # another year
    followed = f.TrajectoryFactory(
        council=council,
        title="Verhuizing afdeling Noord",
        received=datetime.date(YEAR, 2, 1),
        state=State.CLOSED,
        outcome=Outcome.ADVICE_FOLLOWED,
    )
    f.TrajectoryFactory(
        council=council,
        kind=Kind.CONSENT,
        title="Kwaliteitsplan",
        received=datetime.date(YEAR, 4, 1),
    )
    f.ContactFactory(
        council=council,
        kind=ContactKind.VISIT,
        held_on=datetime.date(YEAR, 3, 3),
        reached_count=12,
        heard="Bewoners missen een vaste contactpersoon in het weekend.",
    )
    f.ContactFactory(
        council=council,
        kind=ContactKind.MEETING,
        held_on=datetime.date(YEAR, 9, 9),
        reached_count=30,
        heard=(
            "Familie vindt de contactpersoon in het weekend slecht bereikbaar. "
            "Meneer Jansen klaagt."
        ),
    )
    course = CourseFactory(title="Welkom in de cliëntenraad")
    for person in (world.chair, world.member):
        LearnerProfile.objects.create(person=person, share_progress=True)
        Enrolment.objects.create(person=person, course=course, completed_at=at(5, 1))
    # The secretary does not share progress: not counted.
    Enrolment.objects.create(person=world.secretary, course=course, completed_at=at(5, 1))
    planning.add_topic(
        council=council, year=YEAR, by=world.chair, title="Verhuizing", trajectory=followed
    )
    planning.add_topic(council=council, year=YEAR, by=world.chair, title="Maaltijden")


def test_draft_contains_the_years_figures(world):
    year_of_work(world)
    report = planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    text = report.text
    assert f"De raad vergaderde in {YEAR} 3 keer" in text
    assert "12 januari" in text and "1 februari" not in text
    assert f"In {YEAR} begon de raad 2 trajecten" in text
    assert "- Adviesaanvraag: 1" in text and "- Instemmingsverzoek: 1" in text
    assert "Verhuizing afdeling Noord (adviesaanvraag): Advies gevolgd" in text
    assert "Kwaliteitsplan (instemmingsverzoek): loopt nog" in text
    assert "De raad had 2 contacten met de achterban" in text
    assert "ongeveer 42 mensen" in text
    assert "weekend" in text and "contactpersoon" in text
    assert "Jansen" not in text
    assert "Welkom in de cliëntenraad: 2 leden" in text
    assert "Van de 2 onderwerpen in het jaarplan kreeg 1 een traject" in text
    assert "Maaltijden: nog geen traject" in text
    for person in (world.chair, world.member, world.secretary):
        assert person.get_full_name() not in text


def test_generate_view_makes_the_draft_and_asks_before_overwriting(world):
    client = client_for(world.chair)
    url = reverse("councilwork:annual_report_generate", args=[world.council.pk, YEAR])
    client.post(url)
    report = AnnualReport.objects.get(council=world.council, year=YEAR)
    planning.save_annual_report(
        report=report, text="Onze eigen tekst.", revision=report.revision, by=world.chair
    )
    confirm = client.post(url)
    assert confirm.status_code == 200
    assert "gaat dan verloren" in confirm.content.decode()
    report.refresh_from_db()
    assert report.text.startswith("Onze eigen tekst.")
    client.post(url, {"bevestigd": "ja", "revision": report.revision})
    report.refresh_from_db()
    assert report.text.startswith("## Jaarverslag")


def test_regenerate_after_someone_saved_is_refused(world):
    report = planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    seen = report.revision
    planning.save_annual_report(report=report, text="Nieuw", revision=seen, by=world.secretary)
    with pytest.raises(planning.ConflictError):
        planning.generate_annual_report(
            council=world.council, year=YEAR, by=world.chair, overwrite=True, revision=seen
        )
    report.refresh_from_db()
    assert report.text == "Nieuw\n"


def test_concurrent_save_tells_the_second_saver_and_keeps_their_text(world):
    report = planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    url = reverse("councilwork:annual_report", args=[world.council.pk, YEAR])
    start = report.revision
    first = client_for(world.chair).post(
        url, {"text": "Tekst van de voorzitter", "revision": start}
    )
    assert first.status_code == 302
    second = client_for(world.secretary).post(
        url, {"text": "Tekst van de secretaris", "revision": start}
    )
    body = second.content.decode()
    assert second.status_code == 200
    assert "heeft het jaarverslag opgeslagen nadat u begon" in body
    assert "Tekst van de secretaris" in body  # their text is still on the form
    assert "Tekst van de voorzitter" in body  # and the saved text is shown beside it
    report.refresh_from_db()
    assert report.text == "Tekst van de voorzitter\n"
    assert f'name="revision" value="{report.revision}"' in body
    # Saving again from the form now succeeds.
    third = client_for(world.secretary).post(url, {"text": "Samen", "revision": report.revision})
    assert third.status_code == 302
    report.refresh_from_db()
    assert report.text == "Samen\n"


def test_empty_or_junk_save_is_a_form_error(world):
    report = planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    url = reverse("councilwork:annual_report", args=[world.council.pk, YEAR])
    response = client_for(world.chair).post(url, {"text": "a\x00b", "revision": "99999999999999"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    report.refresh_from_db()
    assert report.text.startswith("## Jaarverslag")


def test_members_read_the_report_but_may_not_generate(world):
    planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    client = client_for(world.member)
    page = client.get(reverse("councilwork:annual_report", args=[world.council.pk, YEAR]))
    assert page.status_code == 200
    assert "<textarea" not in page.content.decode()
    generate = reverse("councilwork:annual_report_generate", args=[world.council.pk, YEAR])
    assert client.post(generate).status_code == 403


def test_future_or_absurd_years_answer_404(world):
    client = client_for(world.chair)
    for year in (timezone.localdate().year + 1, 1999, 99999):
        url = reverse("councilwork:annual_report", args=[world.council.pk, year])
        assert client.get(url).status_code == 404
    assert not AnnualReport.objects.exists()


def test_annual_report_pdf(world):
    year_of_work(world)
    planning.generate_annual_report(council=world.council, year=YEAR, by=world.chair)
    response = client_for(world.member).get(
        reverse("councilwork:annual_report_pdf", args=[world.council.pk, YEAR])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"jaarverslag-{YEAR}-" in response["Content-Disposition"]
    import io

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Vergaderingen" in text
    assert world.council.name in text


def test_pdf_without_a_report_goes_back_to_the_page(world):
    response = client_for(world.chair).get(
        reverse("councilwork:annual_report_pdf", args=[world.council.pk, YEAR])
    )
    assert response.status_code == 302


def test_report_blocks_read_headings_lists_and_paragraphs():
    blocks = planning.report_blocks("## Kop\n\nEen alinea.\n- een\n- twee\n\n\n## Tweede")
    assert blocks == [
        ("h", "Kop"),
        ("p", "Een alinea."),
        ("ul", ["een", "twee"]),
        ("h", "Tweede"),
    ]


def test_draft_queries_do_not_grow_with_the_years_records(world, django_assert_num_queries):
    def add_records():
        f.MeetingFactory(council=world.council, starts_at=at(4, 4))
        f.TrajectoryFactory(council=world.council, received=datetime.date(YEAR, 4, 4))
        f.ContactFactory(council=world.council, held_on=datetime.date(YEAR, 4, 4))

    add_records()
    planning.add_topic(council=world.council, year=YEAR, by=world.chair, title="Eén")
    with CaptureQueriesContext(connection) as one:
        planning.draft_text(world.council, planning.year_facts(world.council, YEAR))
    for _n in range(2):
        add_records()
        planning.add_topic(council=world.council, year=YEAR, by=world.chair, title="Meer")
    with django_assert_num_queries(len(one.captured_queries)):
        text = planning.draft_text(world.council, planning.year_facts(world.council, YEAR))
    assert f"De raad vergaderde in {YEAR} 3 keer" in text
