import pytest
from django.core.management import CommandError, call_command

from raadsplein.accounts.models import User
from raadsplein.organisations.models import CareProvider, Council, IndividualMembership, Seat
from raadsplein.organisations.rules import is_member

FIXED = [
    "lid",
    "voorzitter",
    "ondersteuner",
    "nietlid",
    "adviseur",
    "redacteur",
    "beheerder",
    "beleid",
]


@pytest.fixture
def seeded(demo_world_rolled_back, db, settings):
    """The demo world, built once for this module; each test's changes are rolled back."""
    settings.MEDIA_ROOT = demo_world_rolled_back
    settings.RAADSPLEIN_DEMO_MODE = True


def test_seed_builds_the_demo_world(seeded):
    assert CareProvider.objects.filter(name__endswith="(demo)").count() == 40
    councils = Council.objects.all()
    assert 55 <= councils.count() <= 70
    assert councils.values("province").distinct().count() == 12
    assert councils.values("kind").distinct().count() >= 6
    assert IndividualMembership.objects.filter(status="active").count() >= 3
    for n in (1, 150, 300):
        assert User.objects.filter(email=f"deelnemer{n:03d}@demo.raadsplein.nl").exists()
    assert not User.objects.filter(email="deelnemer301@demo.raadsplein.nl").exists()


def _counts() -> tuple[int, ...]:
    from raadsplein.advocacy.models import CoSignature, Dossier, HistoryEntry, Signal
    from raadsplein.events.models import Booking, Event
    from raadsplein.helpdesk.models import Message, Question
    from raadsplein.knowledge.models import PublicationPage
    from raadsplein.learning.models import Course, Step

    models = [User, Council, Seat, Event, Booking, PublicationPage, Course, Step, Question, Message]
    models += [Signal, CoSignature, HistoryEntry, Dossier]
    return tuple(m.objects.count() for m in models)


def test_seed_is_idempotent(seeded):
    counts = _counts()
    call_command("seed_demo", verbosity=0)
    assert _counts() == counts


def test_demo_agenda(seeded):
    from django.utils import timezone

    from raadsplein.events.models import Booking, BookingStatus, Event, EventKind, Programme

    assert Event.objects.filter(kind=EventKind.REGIONAL).values("region").distinct().count() >= 6
    week = Programme.objects.filter(end_date__gte=Programme.objects.latest("start_date").start_date)
    assert week.get().events.count() == 65
    # Every activity of the agenda that is still to come has a title of its own.
    upcoming = Event.objects.filter(sessions__starts_at__gte=timezone.now()).distinct()
    titles = list(upcoming.values_list("title", flat=True))
    assert len(titles) > 65 and len(set(titles)) == len(titles)
    assert Event.objects.filter(title="Het huishoudboekje van de instelling").exists()
    assert Booking.objects.filter(status=BookingStatus.WAITLISTED).count() >= 3


@pytest.mark.parametrize("name", [*FIXED, "bouwpool", "zorggeld", "deelnemer001", "deelnemer300"])
def test_every_fixed_demo_account_signs_in(seeded, client, name):
    response = client.post(
        "/account/login/",
        {"login": f"{name}@demo.raadsplein.nl", "password": "raadsplein-demo"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    staff = name in ("adviseur", "redacteur", "beheerder", "beleid")
    assert response["Location"] == ("/medewerkers/" if staff else "/mijn/")


def test_demo_roles_are_what_they_say(seeded):
    def user(name):
        return User.objects.get(email=f"{name}@demo.raadsplein.nl")

    assert is_member(user("lid")) and user("lid").seats.count() == 2
    assert user("voorzitter").seats.filter(role="voorzitter").exists()
    assert not is_member(user("nietlid"))
    assert user("adviseur").groups.filter(name="Adviseurs").exists()
    assert user("redacteur").groups.filter(name="Redacteuren").exists()
    assert user("beheerder").groups.filter(name="Beheerders").exists()
    assert user("beleid").groups.filter(name="Beleidsadviseurs").exists()
    assert user("beleid").has_perm("advocacy.manage_dossiers")
    members = sum(is_member(user(f"deelnemer{n:03d}")) for n in range(1, 301, 10))
    assert members == 30


def test_seed_refuses_outside_demo_mode(seeded, settings):
    settings.RAADSPLEIN_DEMO_MODE = False
    users = User.objects.count()
    User.objects.filter(email="lid@demo.raadsplein.nl").update(first_name="Anders")
    with pytest.raises(CommandError, match="Demomodus staat uit"):
        call_command("seed_demo", verbosity=0)
    # Nothing was built or put back.
    assert User.objects.count() == users
    assert User.objects.get(email="lid@demo.raadsplein.nl").first_name == "Anders"


def test_demo_vraagbaak_has_questions_in_every_state(seeded):
    from django.utils import timezone

    from raadsplein.helpdesk.models import CannedAnswer, Message, MessageKind, Question

    questions = Question.objects.all()
    assert 190 <= questions.count() <= 210
    assert set(questions.values_list("status", flat=True)) == {
        "new",
        "open",
        "waiting",
        "answered",
        "closed",
    }
    assert set(questions.values_list("channel", flat=True)) == {"web", "email", "phone"}
    assert questions.values("theme").distinct().count() >= 10
    now = timezone.now()
    assert questions.filter(first_response_due__lt=now).exists()  # some overdue
    assert not questions.filter(status="waiting", solution_due__isnull=False).exists()
    lid = User.objects.get(email="lid@demo.raadsplein.nl")
    assert set(questions.filter(asker=lid).values_list("status", flat=True)) == {
        "answered",
        "waiting",
        "closed",
    }
    first = Message.objects.filter(kind=MessageKind.FROM_COUNCIL).order_by("pk")
    assert all(body.startswith("Demo") for body in first.values_list("body", flat=True))
    assert Message.objects.filter(kind=MessageKind.NOTE).exists()
    assert CannedAnswer.objects.count() >= 6
    from raadsplein.helpdesk.models import ExpertPool, Forward

    for slug, expert in (("bouwpool", "bouwpool"), ("zorg-en-geld", "zorggeld")):
        pool = ExpertPool.objects.get(slug=slug)
        assert pool.members.filter(user__email=f"{expert}@demo.raadsplein.nl").exists()
        assert Forward.objects.filter(pool=pool, question__status__in=["open", "waiting"]).exists()
    from raadsplein.helpdesk.models import Satisfaction

    # The stored SLA figures are filled as the desk fills them, and closed questions have scores.
    answered = questions.filter(status__in=["answered", "closed"])
    assert not answered.filter(first_response_on_time__isnull=True).exists()
    assert answered.filter(solution_on_time=False).exists()
    assert Satisfaction.objects.filter(question__status="closed").count() >= 50
    advisors = User.objects.filter(groups__name="Adviseurs")
    assert advisors.count() == 3
    assert set(questions.exclude(status="new").values_list("assigned_to", flat=True)) <= set(
        advisors.values_list("pk", flat=True)
    )


def test_demo_signalen_span_two_years_themes_sectors_provinces_and_states(seeded):
    import datetime

    from django.db.models import Count, F
    from django.utils import timezone

    from raadsplein.advocacy.models import CoSignature, Dossier, HistoryKind, Signal

    signals = Signal.objects.all()
    assert 390 <= signals.count() <= 410
    assert all(d.startswith("Demo:") for d in signals.values_list("description", flat=True))
    assert signals.values("province").distinct().count() == 12
    assert signals.values("council").distinct().count() >= 40
    assert signals.values("themes").distinct().count() >= 8
    assert signals.values("sectors").distinct().count() >= 3
    oldest = signals.order_by("created_at").first().created_at
    assert timezone.now() - oldest > datetime.timedelta(days=600)
    states = dict(signals.values_list("state__slug").annotate(n=Count("pk")))
    assert set(states) == {
        "ontvangen",
        "in-behandeling",
        "in-dossier",
        "aangekaart",
        "resultaat",
        "gesloten",
    }
    assert signals.exclude(public_answer="").count() >= 100
    assert not signals.filter(state__is_closed=True, closed_at__isnull=True).exists()
    assert signals.filter(merged_into__isnull=False).count() >= 3
    assert CoSignature.objects.count() >= 100
    assert not CoSignature.objects.filter(signal__council=F("council")).exists()
    # The history tells each signal's life in order, starting with the report.
    first = signals.order_by("pk").first()
    kinds = list(first.history.order_by("created_at", "pk").values_list("kind", flat=True))
    assert kinds[0] == HistoryKind.REPORTED
    dossiers = Dossier.objects.all()
    assert dossiers.count() == 3
    for dossier in dossiers:
        assert dossier.actions.exists() and dossier.report_quotes.exists()
        assert dossier.signals.values("council").distinct().count() >= 5
    lid = User.objects.get(email="lid@demo.raadsplein.nl")
    assert signals.filter(reporter=lid).exists()
    # A dossier's report has figures to show, the quotes and what was done.
    from raadsplein.advocacy import reports

    data = reports.report_data(reports.Scope(dossier=dossiers.order_by("pk").first()))
    assert data["total"]["count"] == 25 and data["quotes"] and data["actions"]
