"""Raadswerk's permission matrix, over every path of the app (found from the URL
configuration, so each part's new paths are covered the day they land).

Outside a council — another council's member, an editor or advisor without access, an advisor
whose access ended, a person without a seat — every path of it answers 404 to GET and POST
(405 where the method is not allowed at all), and a POST changes nothing. Anonymous visitors
are sent to sign-in. The council's chair gets every GET page.
"""

import datetime
import uuid

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from raadsplein.audit.models import AuditEntry

from .. import models as m
from ..models import AdvisorAccess
from . import factories as f

pytestmark = pytest.mark.django_db

OUTSIDERS = ["other_member", "editor", "advisor_without_access", "advisor_access_ended", "outsider"]


def councilwork_patterns():
    """(url name, route kwargs) of every path under <council_id>/."""
    resolver = get_resolver()
    found = []
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) != "councilwork":
            continue
        for inner in pattern.url_patterns:
            assert isinstance(inner, URLPattern)
            route = str(inner.pattern)
            if "<int:council_id>" in route:
                found.append((inner.name, list(inner.pattern.converters)))
    return found


def objects_of(world) -> dict:
    """One object of each kind in council A, by the URL kwarg that names it. A part that adds
    a path with a new kwarg adds it here (the test says so when it meets one)."""
    council = world.council
    meeting = f.MeetingFactory(council=council)
    item = f.AgendaItemFactory(meeting=meeting)
    trajectory = f.TrajectoryFactory(council=council)
    document = m.CouncilDocument(
        council=council, original_name="stuk.pdf", content_type="application/pdf", size=9
    )
    document.file.save("upload", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    version = f.SchemeVersionFactory(council=council, number=1)
    other_version = f.SchemeVersionFactory(council=council, number=2, text=version.text + "\nMeer.")
    comment = m.SchemeComment.objects.create(version=version, passage="Artikel 1", body="Goed.")
    vacancy = f.VacancyFactory(council=council)
    candidate = m.Candidate.objects.create(vacancy=vacancy, name="Kandidaat Test")
    letter = m.Letter.objects.create(
        council=council, kind=m.LetterKind.RECEIPT, subject_line="Ontvangst", body="Tekst"
    )
    template = m.LetterTemplate.objects.create(
        kind=m.LetterKind.RECEIPT, title="Ontvangst", subject_line="Ontvangst", body="{raad}"
    )
    plan = m.YearPlan.objects.create(council=council, year=timezone.localdate().year)
    topic = m.YearPlanTopic.objects.create(plan=plan, title="Begroting")
    report = m.AnnualReport.objects.create(council=council, year=plan.year - 1, text="Verslag")
    return {
        "council_id": council.pk,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "decision_id": f.DecisionFactory(council=council, meeting=meeting).pk,
        "action_id": f.ActionItemFactory(council=council).pk,
        "trajectory_id": trajectory.pk,
        "step_id": trajectory.steps.first().pk,
        "document_id": document.pk,
        "access_id": AdvisorAccess.objects.filter(council=council).first().pk,
        "version_id": version.pk,
        "other_version_id": other_version.pk,
        "comment_id": comment.pk,
        "vacancy_id": vacancy.pk,
        "candidate_id": candidate.pk,
        "seat_id": council.seats.first().pk,
        "contact_id": f.ContactFactory(council=council).pk,
        "letter_id": letter.pk,
        "template_id": template.pk,
        "year": plan.year,
        "topic_id": topic.pk,
        "report_id": report.pk,
        "token": uuid.uuid4(),
    }


def urls_of(world):
    objs = objects_of(world)
    urls = []
    for name, kwargs in councilwork_patterns():
        missing = [k for k in kwargs if k not in objs]
        assert not missing, f"add {missing} for councilwork:{name} to objects_of()"
        urls.append((name, reverse(f"councilwork:{name}", kwargs={k: objs[k] for k in kwargs})))
    return urls


def client_for(person) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def snapshot() -> dict:
    """Row counts of every Raadswerk model and the audit log (a POST must not change them)."""
    from django.apps import apps

    counts = {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("councilwork").get_models()
    }
    counts["audit"] = AuditEntry.objects.exclude(action="councilwork.access.visit").count()
    return counts


def test_every_path_is_covered(world):
    assert len(urls_of(world)) >= 4


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outside_the_council_every_path_answers_404(world, who):
    urls = urls_of(world)
    client = client_for(getattr(world, who))
    before = snapshot()
    for name, url in urls:
        get = client.get(url)
        assert get.status_code in (404, 405), (name, url, get.status_code)
        post = client.post(url, {"title": "x" * 20, "text": "y", "body": "z"})
        assert post.status_code in (404, 405), (name, url, post.status_code)
    assert snapshot() == before


def test_anonymous_is_sent_to_sign_in_everywhere(world):
    client = Client()
    for name, url in urls_of(world):
        response = client.get(url)
        assert response.status_code in (302, 405), (name, url)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("account_login")), name


def test_chair_gets_every_page(world):
    client = client_for(world.chair)
    for name, url in urls_of(world):
        response = client.get(url)
        assert response.status_code in (200, 302, 405), (name, url, response.status_code)


@pytest.mark.parametrize("who", ["member", "advisor"])
def test_members_and_advisors_with_access_are_never_shown_a_404(world, who):
    client = client_for(getattr(world, who))
    for name, url in urls_of(world):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 405), (name, url, response.status_code)


def test_advisor_visits_are_logged_and_shown_to_the_council(world):
    client_for(world.advisor).get(reverse("councilwork:overview", args=[world.council.pk]))
    visit = AuditEntry.objects.get(action="councilwork.access.visit", actor=world.advisor)
    assert visit.council_id == world.council.pk
    page = client_for(world.chair).get(reverse("councilwork:access", args=[world.council.pk]))
    assert "Adviseur bekeek de werkruimte van de raad · Overzicht" in page.content.decode()


def test_an_advisors_change_is_shown_to_the_council_with_its_place(world):
    client = client_for(world.advisor)
    url = reverse("councilwork:contact_new", args=[world.council.pk])
    response = client.post(
        url,
        {
            "kind": "visit",
            "held_on": timezone.localdate().isoformat(),
            "reached": "Bewoners van De Linde",
            "heard": "Bewoners missen een vaste contactpersoon in het weekend.",
        },
    )
    assert response.status_code == 302
    page = client_for(world.chair).get(reverse("councilwork:access", args=[world.council.pk]))
    text = page.content.decode()
    assert "Adviseur bekeek de werkruimte van de raad · Achterban (iets opgeslagen)" in text
    assert "Adviseur wijzigde iets · Achterban" in text


def test_seat_holders_visits_are_not_logged(world):
    client_for(world.member).get(reverse("councilwork:overview", args=[world.council.pk]))
    assert not AuditEntry.objects.filter(action="councilwork.access.visit").exists()


def test_staff_without_access_do_not_see_the_council_in_the_index(world):
    response = client_for(world.editor).get(reverse("councilwork:index"))
    assert world.council.name not in response.content.decode()
    response = client_for(world.advisor).get(reverse("councilwork:index"))
    assert response.status_code == 302  # straight into the one council they may see


def test_access_ends_the_day_after_its_end_date(world):
    access = AdvisorAccess.objects.get(advisor=world.advisor)
    access.starts_on = timezone.localdate() - datetime.timedelta(days=8)
    access.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    access.save()
    response = client_for(world.advisor).get(
        reverse("councilwork:overview", args=[world.council.pk])
    )
    assert response.status_code == 404
