"""The figures page: what it counts, the query count, the exports, who may see it."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadsplein.accounts.tests.factories import adviseur, redacteur
from raadsplein.helpdesk import figures, satisfaction, services
from raadsplein.helpdesk.models import Question, Status
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
URL = "/vraagbaak/behandelen/cijfers/"


def at(y, m, d, hh=10):
    return datetime.datetime(y, m, d, hh, tzinfo=AMS)


def scored(asker, advisor, *, asked, answered, score=None, theme=None, subject="Vraag"):
    q = services.ask(asker=asker, subject=subject, question="Tekst", theme=theme, now=asked)
    services.reply(question=q, advisor=advisor, body="Antwoord", now=answered)
    q = services.set_status(question=q, status=Status.CLOSED, actor=advisor, now=answered)
    if score:
        satisfaction.record_score(question=q, score=score, enforce_window=False)
    return q


def test_the_figures_count_months_promises_reaction_times_and_scores():
    asker, advisor = member(), adviseur(first_name="Ineke", last_name="Brouwer")
    theme = Theme.objects.create(name="=Huisvesting", slug="huisvesting-fig")
    # Monday 2 Nov 10:00 → 11:00 (60 office minutes), 12:00 (120), next day 12:00 (10 h: late).
    scored(
        asker, advisor, asked=at(2026, 11, 2), answered=at(2026, 11, 2, 11), score=5, theme=theme
    )
    scored(asker, advisor, asked=at(2026, 11, 2), answered=at(2026, 11, 2, 12), score=2)
    scored(asker, advisor, asked=at(2026, 11, 2), answered=at(2026, 11, 3, 12))
    services.ask(asker=asker, subject="Oktober", question="Tekst", now=at(2026, 10, 5))
    services.ask(asker=asker, subject="Buiten", question="Tekst", now=at(2025, 1, 5))
    data = figures.figures(
        figures.Filters(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 1)),
        now=at(2026, 12, 2),
    )
    total = data["total"]
    assert total["count"] == 4  # January 2025 is outside the period
    assert (total["first_pct"], total["first_judged"]) == (50, 4)  # October's is overdue
    assert (total["median"], total["p90"]) == (120, 600)
    assert (total["score_avg"], total["score_count"]) == (3.5, 2)
    nov = next(r for r in data["months"] if r["month"] == datetime.date(2026, 11, 1))
    assert (nov["count"], nov["first_pct"], nov["median"]) == (3, 67, 120)
    assert len(data["months"]) == 12
    themes = {r["label"]: (r["count"], r["score_avg"]) for r in data["themes"]}
    assert themes == {"—": (3, 2.0), "=Huisvesting": (1, 5.0)}
    advisors = {r["label"]: (r["count"], r["score_avg"]) for r in data["advisors"]}
    assert advisors == {"Ineke Brouwer": (3, 3.5), "—": (1, None)}


def test_the_page_shows_tables_beside_charts_in_a_fixed_number_of_queries(client):
    advisor = adviseur()
    client.force_login(advisor)
    asker = member()
    now = timezone.now()
    scored(asker, advisor, asked=now - datetime.timedelta(days=3), answered=now, score=4)
    client.get(URL)  # warm caches (permissions, the session)
    with CaptureQueriesContext(connection) as one:
        page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<table" in html and "<svg" in html and "Staafdiagram" in html
    assert "style=" not in html and "gemiddeld 4.0 van 5" in html.replace(",", ".")
    for i in range(19):
        scored(
            asker,
            advisor,
            asked=now - datetime.timedelta(days=3, hours=i),
            answered=now,
            score=1 + i % 5,
        )
    with CaptureQueriesContext(connection) as twenty:
        client.get(URL)
    assert Question.objects.count() == 20
    assert len(twenty) == len(one)


def test_bad_filters_give_a_dutch_message_and_the_default_period(client):
    client.force_login(adviseur())
    html = client.get(URL, {"van": "2026-13", "tot": "2025-01", "kanaal": "fax"}).content.decode()
    assert "Vul een maand in als jjjj-mm" in html
    assert "Kies een kanaal uit de lijst." in html
    assert (
        "Kies een maand tussen 2000 en 2100."
        in client.get(URL, {"tot": "9999-12"}).content.decode()
    )
    assert client.get(URL + "pdf/").status_code == 404


def test_exports_guard_against_formulas(client):
    from openpyxl import load_workbook

    advisor = adviseur()
    theme = Theme.objects.create(name="=HYPERLINK(1)", slug="formule")
    now = timezone.now()
    scored(member(), advisor, asked=now - datetime.timedelta(days=1), answered=now, theme=theme)
    client.force_login(advisor)
    csv_text = client.get(URL + "csv/").content.decode()
    assert "'=HYPERLINK(1)" in csv_text and "Per maand" in csv_text
    book = load_workbook(io.BytesIO(client.get(URL + "xlsx/").content))
    themes = book["Per thema"]
    assert themes["A2"].value == "'=HYPERLINK(1)" and themes["B2"].value == 1


@pytest.mark.parametrize("who", ["anonymous", "member", "redacteur"])
def test_only_the_desk_sees_the_figures(client, who):
    if who == "member":
        client.force_login(member())
    elif who == "redacteur":
        client.force_login(redacteur())
    response = client.get(URL)
    assert response.status_code in (302, 404)
    assert "Vraagbaak: cijfers" not in response.content.decode()
