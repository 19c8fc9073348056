"""The demo world's Raadswerk (demo/councilwork.py), and the cross-page check that the
workspace's main pages take the same number of queries with 3 records as with 30."""

import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from raadsplein.accounts.models import User
from raadsplein.demo import councilwork as demo_councilwork
from raadsplein.demo import councilwork_records, organisations, world
from raadsplein.organisations.models import Seat, SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory

from .. import services
from ..models import (
    ActionItem,
    AdvisorAccess,
    AgendaItem,
    AnnualReport,
    Candidate,
    ConstituencyContact,
    CouncilDocument,
    Decision,
    Kind,
    Letter,
    Meeting,
    MeetingNotice,
    SchemeComment,
    SchemeSettings,
    SchemeVersion,
    State,
    Trajectory,
    TrajectoryStep,
    Vacancy,
    YearPlan,
    YearPlanTopic,
)
from .factories import SchemeSettingsFactory

MODELS = [
    ActionItem,
    AdvisorAccess,
    AgendaItem,
    AnnualReport,
    Candidate,
    ConstituencyContact,
    CouncilDocument,
    Decision,
    Letter,
    Meeting,
    MeetingNotice,
    SchemeComment,
    SchemeSettings,
    SchemeVersion,
    Trajectory,
    TrajectoryStep,
    Vacancy,
    YearPlan,
    YearPlanTopic,
]


def _quiet(*args, **kwargs):
    pass


def _person(local):
    return User.objects.get(email=f"{local}@demo.raadsplein.nl")


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo people and councils, then their workspaces (the builders Raadswerk needs)."""
    settings.MEDIA_ROOT = tmp_path
    settings.RAADSPLEIN_DEMO_MODE = True
    organisations.build(log=_quiet)
    demo_councilwork.build(log=_quiet)
    chair = _person("voorzitter")
    home = Seat.objects.get(person=chair, role=SeatRole.VOORZITTER).council
    second = Seat.objects.filter(person=_person("lid")).exclude(council=home).get().council
    return home, second


def test_demo_builder_is_part_of_the_demo_world():
    keys = [b.key for b in world.builders()]
    assert "councilwork" in keys
    # After the people and councils (and the adviseur) it writes for.
    assert keys.index("councilwork") > keys.index("organisations")


def test_demo_meetings_span_two_years_with_minutes_decisions_and_actions(demo):
    home, second = demo
    now, today = timezone.now(), timezone.localdate()
    for council in (home, second):
        meetings = Meeting.objects.filter(council=council)
        past = meetings.filter(starts_at__lt=now)
        assert past.count() == 22
        assert (
            today - timezone.localtime(past.order_by("starts_at").first().starts_at).date()
        ).days > 640
        upcoming = list(meetings.filter(starts_at__gte=now).order_by("starts_at"))
        assert len(upcoming) == 2
        assert upcoming[0].agenda_sent_at < now and not upcoming[1].agenda_sent_at
        assert (upcoming[0].starts_at - upcoming[0].agenda_sent_at).days >= 7
        seated = Seat.objects.filter(Seat.current_q(today), council=council)
        assert MeetingNotice.objects.filter(meeting=upcoming[0]).count() == (
            seated.values("person").distinct().count()
        )
        assert not past.filter(minutes="").exists()
        assert not AgendaItem.objects.filter(meeting__in=past, minutes_note="").exists()
        assert AgendaItem.objects.filter(meeting=upcoming[0]).count() >= 4
        assert Decision.objects.filter(council=council).count() >= 22
        actions = ActionItem.objects.filter(council=council)
        overdue = actions.filter(done_at__isnull=True, due_on__lt=today)
        assert overdue.count() >= 2
        assert actions.filter(done_at__isnull=True, due_on__gte=today).exists()
        assert actions.filter(done_at__isnull=False).count() >= 10
    # Agenda items on the trajectories that came in before each meeting.
    assert AgendaItem.objects.filter(meeting__council=home, trajectory__isnull=False).count() >= 10


def test_demo_trajectories_in_every_kind_and_state(demo):
    home, _ = demo
    today = timezone.localdate()
    trajectories = Trajectory.objects.filter(council=home)
    assert set(trajectories.values_list("kind", flat=True)) == set(Kind.values)
    assert set(trajectories.values_list("state", flat=True)) == set(State.values)
    open_ones = trajectories.exclude(state=State.CLOSED)
    late = [t for t in open_ones if t.deadline and t.deadline < today]
    near = [t for t in open_ones if t.deadline and 0 <= (t.deadline - today).days <= 7]
    far = [t for t in open_ones if t.deadline and (t.deadline - today).days > 30]
    assert len(late) >= 1 and near and far
    # Deadlines from the council's scheme where the request named none.
    from_scheme = trajectories.get(title="Begroting voor volgend jaar")
    assert from_scheme.deadline_source == "scheme"
    assert from_scheme.deadline == from_scheme.received + datetime.timedelta(days=42)
    # A consent the board decided without: the nullity box has a date to show.
    without = trajectories.get(decided_without_consent=True)
    last_day, rule = services.nullity_deadline(without)
    assert rule is not None and last_day > today
    advice = trajectories.filter(kind=Kind.ADVICE, subject__isnull=False)
    assert advice.exists()
    for closed in trajectories.filter(state=State.CLOSED):
        assert closed.outcome and closed.closed_on
    # Every step went through the core service: the timeline starts with the receipt.
    for t in trajectories.prefetch_related("steps"):
        steps = list(t.steps.all())
        assert steps[0].state == State.RECEIVED and steps[-1].state == t.state


def test_demo_scheme_has_settings_and_three_versions_by_different_authors(demo):
    home, second = demo
    for council in (home, second):
        assert SchemeSettings.objects.get(council=council).advice_days == 42
        versions = list(SchemeVersion.objects.filter(council=council).order_by("number"))
        assert [v.number for v in versions] == [1, 2, 3]
        assert len({v.author_id for v in versions}) == 3
        assert versions[0].created_at < versions[1].created_at < versions[2].created_at
        assert council.name in versions[0].text and "{raad}" not in versions[0].text
        # Each later version changes a few articles.
        assert versions[0].text != versions[1].text != versions[2].text
        assert "Contact met de achterban" in versions[2].text
        assert "Contact met de achterban" not in versions[1].text
    comment = SchemeComment.objects.get(version__council=home)
    paragraphs = [p for p in comment.version.text.split("\n\n") if p.strip()]
    assert paragraphs[comment.paragraph - 1].startswith("Artikel 14. Contact met de achterban")


def test_demo_vacancy_contacts_plan_report_and_advisor(demo):
    home, second = demo
    today = timezone.localdate()
    vacancy = Vacancy.objects.get(council=home)
    assert vacancy.shared and vacancy.state == "open"
    assert [c.name.endswith("(demo)") for c in vacancy.candidates.all()] == [True, True]
    assert ConstituencyContact.objects.filter(council=home).count() == 12
    turned = ConstituencyContact.objects.get(council=home, agenda_item__isnull=False)
    assert turned.agenda_item.meeting.starts_at > timezone.now()
    assert turned.agenda_item.description == turned.heard
    assert YearPlan.objects.get(council=home, year=today.year).topics.count() == 5
    assert YearPlanTopic.objects.filter(plan__council=home, trajectory__isnull=False).exists()
    report = AnnualReport.objects.get(council=home, year=today.year - 1)
    assert f"Jaarverslag {today.year - 1}" in report.text and "{" not in report.text
    access = AdvisorAccess.objects.get(council=home)
    assert access.advisor == _person("adviseur")
    assert access.ends_on == today + datetime.timedelta(days=60) and access.is_active()
    assert not AdvisorAccess.objects.filter(council=second).exists()


def test_demo_letters_are_filled_in_for_their_trajectories(demo):
    home, second = demo
    receipt = Letter.objects.get(
        council=home, kind="receipt", trajectory__title__startswith="Nieuwe"
    )
    assert home.name in receipt.body
    assert receipt.trajectory.title in receipt.subject_line + receipt.body
    kinds = set(Letter.objects.filter(council=home).values_list("kind", flat=True))
    assert {"receipt", "information", "consent_refused", "unsolicited", "advice"} <= kinds
    assert Letter.objects.filter(council=second).count() == 1
    assert all(letter.template_id for letter in Letter.objects.filter(council=home))


def test_demo_documents_are_pdfs(demo):
    home, _ = demo
    docs = CouncilDocument.objects.filter(council=home)
    assert docs.filter(trajectory__isnull=False).exists()
    assert docs.filter(meeting__isnull=False).exists()
    assert docs.filter(agenda_item__isnull=False).exists()
    for doc in docs:
        with doc.file.open("rb") as f:
            reader = PdfReader(io.BytesIO(f.read()))
        assert len(reader.pages) == 1
        assert "demodocument" in reader.pages[0].extract_text().lower()


def test_demo_councilwork_is_idempotent(demo):
    counts = [m.objects.count() for m in MODELS]
    demo_councilwork.build(log=_quiet)
    assert [m.objects.count() for m in MODELS] == counts


def test_demo_workspace_as_the_fixed_accounts(demo):
    home, second = demo
    chair = Client()
    chair.force_login(_person("voorzitter"))
    page = chair.get(reverse("councilwork:overview", args=[home.pk]))
    assert page.status_code == 200
    assert "Nieuwe indeling van de teams in de wijk" in page.content.decode()
    assert chair.get(reverse("councilwork:overview", args=[second.pk])).status_code == 404
    advisor = Client()
    advisor.force_login(_person("adviseur"))
    assert advisor.get(reverse("councilwork:overview", args=[home.pk])).status_code == 200
    assert advisor.get(reverse("councilwork:overview", args=[second.pk])).status_code == 404
    member = Client()
    member.force_login(_person("lid"))
    for council in (home, second):
        assert member.get(reverse("councilwork:overview", args=[council.pk])).status_code == 200


# --- the cross-page query count at bench-like shape -------------------------------------------

PAGES = ["overview", "meetings", "meeting", "trajectories", "trajectory"]


def _council_with(records: int):
    council = MemberCouncilFactory()
    SchemeSettingsFactory(council=council)
    chair = SeatFactory(council=council, role=SeatRole.VOORZITTER).person
    SeatFactory(council=council, role=SeatRole.LID)
    councilwork_records.add_records(
        council, meetings=records, trajectories=records, documents_count=records, by=chair
    )
    return council, chair


def _queries(council, chair) -> dict[str, tuple[int, int]]:
    client = Client()
    client.force_login(chair)
    meeting = Meeting.objects.filter(council=council, documents__isnull=False).order_by("pk")[0]
    trajectory = Trajectory.objects.filter(council=council, documents__isnull=False).order_by("pk")[
        0
    ]
    kwargs = {"meeting": {"meeting_id": meeting.pk}, "trajectory": {"trajectory_id": trajectory.pk}}
    out = {}
    for name in PAGES:
        url = reverse(
            f"councilwork:{name}", kwargs={"council_id": council.pk, **kwargs.get(name, {})}
        )
        client.get(url)  # warm: the session, the site, caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        assert council.name in response.content.decode()
        out[name] = len(ctx)
    return out


def test_main_pages_take_the_same_queries_with_3_or_30_records(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    small = _queries(*_council_with(3))
    large = _queries(*_council_with(30))
    assert small == large


def test_demo_scheme_pages_show_versions_diff_and_comment(demo):
    home, _ = demo
    member = Client()
    member.force_login(_person("lid"))
    page = member.get(reverse("councilwork:scheme", args=[home.pk]))
    assert page.status_code == 200
    assert "Achterban toegevoegd en artikel 2 verduidelijkt" in page.content.decode()  # v3's note
    compared = member.get(reverse("councilwork:scheme_diff", args=[home.pk]) + "?van=2&naar=3")
    assert compared.status_code == 200
    assert "<ins" in compared.content.decode() and "Ten minste één lid" in compared.content.decode()
    version = SchemeVersion.objects.get(council=home, number=3)
    page = member.get(reverse("councilwork:scheme_version", args=[home.pk, version.pk]))
    assert page.status_code == 200
    assert "Contact met de achterban" in page.content.decode()
    assert SchemeComment.objects.get(version=version).body in page.content.decode()


def _demo_objects(council) -> dict:
    """The demo council's objects by URL kwarg: the ones with the most on them."""
    now = timezone.now()
    meeting = Meeting.objects.filter(council=council, starts_at__gte=now).order_by("starts_at")[0]
    trajectory = Trajectory.objects.get(council=council, decided_without_consent=True)
    versions = SchemeVersion.objects.filter(council=council).order_by("number")
    vacancy = Vacancy.objects.get(council=council)
    report = AnnualReport.objects.get(council=council)
    found = {
        "council_id": council.pk,
        "meeting_id": meeting.pk,
        "item_id": meeting.items.order_by("position")[0].pk,
        "decision_id": Decision.objects.filter(council=council)[0].pk,
        "action_id": ActionItem.objects.filter(council=council, done_at__isnull=True)[0].pk,
        "trajectory_id": trajectory.pk,
        "step_id": trajectory.steps.last().pk,
        "document_id": CouncilDocument.objects.filter(council=council)[0].pk,
        "access_id": AdvisorAccess.objects.get(council=council).pk,
        "version_id": versions[0].pk,
        "other_version_id": versions[2].pk,
        "comment_id": SchemeComment.objects.get(version__council=council).pk,
        "vacancy_id": vacancy.pk,
        "candidate_id": vacancy.candidates.first().pk,
        "seat_id": Seat.objects.get(council=council, person=_person("lid")).pk,
        "contact_id": ConstituencyContact.objects.filter(council=council)[0].pk,
        "year": report.year,
        "topic_id": YearPlanTopic.objects.filter(plan__council=council)[0].pk,
        "report_id": report.pk,
    }
    letter = council.councilwork_letters.first()
    if letter is not None:
        found["letter_id"] = letter.pk
    return found


def test_demo_workspace_every_page_opens_for_the_chair(demo):
    """Every page of the workspace on the demo council's own records, as voorzitter@: none
    fails on what the demo made (POST-only paths answer 405 to a GET)."""
    from .test_permissions import councilwork_patterns

    home, _ = demo
    objs = _demo_objects(home)
    chair = Client()
    chair.force_login(_person("voorzitter"))
    opened = []
    for name, kwargs in councilwork_patterns():
        if any(k not in objs for k in kwargs):
            continue  # a kind the demo does not make (a letter, a letter template)
        url = reverse(f"councilwork:{name}", kwargs={k: objs[k] for k in kwargs})
        response = chair.get(url)
        assert response.status_code in (200, 302, 405), (name, url, response.status_code)
        opened.append(name)
    assert {"overview", "meetings", "meeting", "trajectories", "trajectory"} <= set(opened)
    # Every demo meeting and trajectory page, in every state.
    for meeting in Meeting.objects.filter(council=home):
        url = reverse("councilwork:meeting", args=[home.pk, meeting.pk])
        assert chair.get(url).status_code == 200, url
    for trajectory in Trajectory.objects.filter(council=home):
        url = reverse("councilwork:trajectory", args=[home.pk, trajectory.pk])
        response = chair.get(url)
        assert response.status_code == 200, url
        assert trajectory.title in response.content.decode()
    # The consent the board decided without shows until when nullity can be invoked.
    without = Trajectory.objects.get(council=home, decided_without_consent=True)
    last_day, _rule = services.nullity_deadline(without)
    page = chair.get(reverse("councilwork:trajectory", args=[home.pk, without.pk]))
    assert "U kunt tot en met" in page.content.decode()
    assert date_format(last_day, "j F Y") in page.content.decode()
