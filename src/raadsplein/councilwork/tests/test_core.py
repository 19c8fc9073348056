"""The workspace's core: advisors' access, deadlines from the scheme, trajectory steps."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.audit.models import AuditEntry

from .. import selectors, services
from ..models import DeadlineSource, Kind, LegalRule, LegalSubject, Outcome, State, Trajectory
from ..services import CouncilworkError

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 1)


def test_legal_catalogue_is_loaded_and_unverified(db):
    assert LegalSubject.objects.filter(right="advice").count() == 9
    assert not LegalSubject.objects.filter(verified=True).exists()
    rule = LegalRule.objects.get(code=LegalRule.NULLITY_PERIOD)
    assert (rule.value, rule.unit, rule.verified) == (1, "months", False)


def test_long_term_care_subjects_only_for_wlz_providers(world):
    world.council.provider.provides_long_term_care = False
    world.council.provider.save()
    codes = set(selectors.legal_subjects_for(world.council).values_list("code", flat=True))
    assert "advies-huisvesting" not in codes and "advies-fusie" in codes
    world.council.provider.provides_long_term_care = True
    world.council.provider.save()
    world.council.refresh_from_db()
    codes = set(selectors.legal_subjects_for(world.council).values_list("code", flat=True))
    assert "advies-huisvesting" in codes


def test_deadline_comes_from_the_scheme_unless_the_request_sets_one(world):
    deadline, source = services.compute_deadline(
        council=world.council, kind=Kind.ADVICE, received=TODAY
    )
    assert (deadline, source) == (TODAY + datetime.timedelta(days=42), DeadlineSource.SCHEME)
    asked = TODAY + datetime.timedelta(days=20)
    assert services.compute_deadline(
        council=world.council, kind=Kind.ADVICE, received=TODAY, requested=asked
    ) == (asked, DeadlineSource.REQUEST)
    assert services.compute_deadline(
        council=world.other_council, kind=Kind.ADVICE, received=TODAY
    ) == (None, DeadlineSource.NONE)


def test_deadline_before_received_is_refused_and_nothing_is_made(world):
    with pytest.raises(CouncilworkError, match="vóór de datum van ontvangst"):
        services.create_trajectory(
            council=world.council,
            kind=Kind.ADVICE,
            title="Nieuwbouw De Linde",
            received=TODAY,
            deadline=TODAY - datetime.timedelta(days=1),
            by=world.chair,
        )
    assert not Trajectory.objects.exists()


def test_subject_of_the_wrong_right_is_refused(world):
    consent_subject = LegalSubject.objects.filter(right="consent").first()
    with pytest.raises(CouncilworkError, match="hoort niet bij"):
        services.create_trajectory(
            council=world.council,
            kind=Kind.ADVICE,
            title="Klachtenregeling",
            received=TODAY,
            subject=consent_subject,
            by=world.chair,
        )


def test_consent_refused_decision_without_consent_gives_the_nullity_deadline(world):
    t = services.create_trajectory(
        council=world.council,
        kind=Kind.CONSENT,
        title="Nieuwe klachtenregeling",
        received=TODAY - datetime.timedelta(days=60),
        by=world.chair,
    )
    services.record_step(
        trajectory=t,
        state=State.RESPONSE_SENT,
        on=TODAY - datetime.timedelta(days=30),
        outcome=Outcome.CONSENT_REFUSED,
        by=world.chair,
    )
    learned = TODAY - datetime.timedelta(days=3)
    services.record_step(
        trajectory=t,
        state=State.BOARD_DECIDED,
        on=TODAY - datetime.timedelta(days=5),
        decided_without_consent=True,
        council_learned_on=learned,
        by=world.chair,
    )
    t.refresh_from_db()
    last_day, rule = services.nullity_deadline(t)
    assert last_day == datetime.date(2026, 12, 28) and rule.code == LegalRule.NULLITY_PERIOD


def test_a_step_out_of_order_is_refused(world):
    t = services.create_trajectory(
        council=world.council, kind=Kind.ADVICE, title="Begroting", received=TODAY, by=world.chair
    )
    with pytest.raises(CouncilworkError, match="kan nu niet"):
        services.record_step(trajectory=t, state=State.BOARD_DECIDED, on=TODAY, by=world.chair)
    with pytest.raises(CouncilworkError, match="uitkomst"):
        services.record_step(trajectory=t, state=State.CLOSED, on=TODAY, by=world.chair)
    assert t.steps.count() == 1


def test_only_an_advisor_can_be_given_access(world):
    with pytest.raises(CouncilworkError, match="adviseur"):
        services.grant_advisor_access(
            council=world.council,
            advisor=UserFactory(),
            ends_on=timezone.localdate() + datetime.timedelta(days=5),
            by=world.chair,
        )
    with pytest.raises(CouncilworkError, match="ten hoogste een jaar"):
        services.grant_advisor_access(
            council=world.council,
            advisor=world.advisor_without_access,
            ends_on=timezone.localdate() + datetime.timedelta(days=400),
            by=world.chair,
        )


def test_chair_grants_and_revokes_access_in_the_page_and_both_are_logged(world):
    client = Client()
    client.force_login(world.chair)
    url = reverse("councilwork:access", args=[world.council.pk])
    ends = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(
        url, {"advisor": world.advisor_without_access.pk, "ends_on": ends.isoformat()}
    )
    assert response.status_code == 302
    access = world.council.advisor_accesses.get(advisor=world.advisor_without_access)
    assert AuditEntry.objects.filter(
        action="councilwork.access.granted", subject=world.advisor_without_access
    ).exists()
    client.post(reverse("councilwork:revoke_access", args=[world.council.pk, access.pk]))
    access.refresh_from_db()
    assert access.revoked_at is not None
    assert AuditEntry.objects.filter(action="councilwork.access.revoked").exists()


def test_a_member_cannot_grant_access(world):
    client = Client()
    client.force_login(world.member)
    ends = timezone.localdate() + datetime.timedelta(days=10)
    client.post(
        reverse("councilwork:access", args=[world.council.pk]),
        {"advisor": world.advisor_without_access.pk, "ends_on": ends.isoformat()},
    )
    assert not world.council.advisor_accesses.filter(advisor=world.advisor_without_access).exists()


def test_overview_shows_open_trajectories_with_deadlines(world):
    services.create_trajectory(
        council=world.council,
        kind=Kind.ADVICE,
        title="Fusie met Zorggroep Oost",
        received=timezone.localdate(),
        by=world.chair,
    )
    client = Client()
    client.force_login(world.member)
    page = client.get(reverse("councilwork:overview", args=[world.council.pk])).content.decode()
    deadline = timezone.localdate() + datetime.timedelta(days=42)
    assert "Fusie met Zorggroep Oost" in page
    assert f"{deadline.day} " in page


def test_a_deadline_stops_running_once_the_council_has_answered(world):
    t = services.create_trajectory(
        council=world.council,
        kind=Kind.ADVICE,
        title="Reorganisatie thuiszorg",
        received=timezone.localdate() - datetime.timedelta(days=60),
        deadline=timezone.localdate() - datetime.timedelta(days=10),
        by=world.chair,
    )
    client = Client()
    client.force_login(world.member)
    url = reverse("councilwork:overview", args=[world.council.pk])
    assert "verlopen" in client.get(url).content.decode()
    services.record_step(
        trajectory=t,
        state=State.RESPONSE_SENT,
        on=timezone.localdate() - datetime.timedelta(days=12),
        by=world.chair,
    )
    page = client.get(url).content.decode()
    assert "Reorganisatie thuiszorg" in page and "verlopen" not in page


def test_overview_marks_overdue_actions(world):
    from .factories import ActionItemFactory

    ActionItemFactory(
        council=world.council,
        text="Bewonersavond plannen",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    client = Client()
    client.force_login(world.member)
    page = client.get(reverse("councilwork:overview", args=[world.council.pk])).content.decode()
    assert "Bewonersavond plannen" in page and "te laat" in page
