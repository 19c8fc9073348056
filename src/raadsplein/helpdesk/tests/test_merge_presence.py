"""Merging a duplicate question into another, and seeing who else has a question open."""

import datetime

import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.helpdesk import selectors, services
from raadsplein.helpdesk.models import MessageKind, Question, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


def ask(asker, council, subject, shared=False):
    return services.ask(
        asker=asker,
        subject=subject,
        question=f"{subject}: hoe zit dat?",
        council=council,
        share_with_council=shared,
    )


def test_a_duplicate_goes_into_the_other_question_and_its_asker_is_told(client):
    council = MemberCouncilFactory()
    asker = member(council=council)
    first = ask(asker, council, "Adviesrecht verbouwing")
    again = ask(asker, council, "Nogmaals: verbouwing")
    desk = adviseur()
    services.add_note(question=again, advisor=desk, body="Zelfde als de eerste.")
    client.force_login(desk)
    response = client.post(
        f"/vraagbaak/behandelen/vraag/{again.pk}/", {"action": "merge", "into": first.reference}
    )
    assert response.status_code == 302
    again.refresh_from_db()
    assert again.merged_into == first and again.status == Status.CLOSED
    bodies = [m.body for m in selectors.messages_for_council(first)]
    assert "Nogmaals: verbouwing: hoe zit dat?" in bodies
    assert "Zelfde als de eerste." not in bodies  # the note moved, and stays internal
    assert first.messages.filter(kind=MessageKind.NOTE).count() == 1
    (told,) = selectors.messages_for_council(again)
    assert first.reference in told.body
    page = client.get(f"/vraagbaak/behandelen/vraag/{again.pk}/").content.decode()
    assert "Deze vraag is samengevoegd met" in page


def test_merging_is_refused_where_it_would_show_a_question_to_someone_else():
    council = MemberCouncilFactory()
    greet, henk = member(council=council), member(council=council)
    desk = adviseur()
    mine, his = ask(greet, council, "Eén"), ask(henk, council, "Twee")
    with pytest.raises(services.QuestionError, match="verschillende mensen"):
        services.merge(duplicate=his, into=mine, advisor=desk)
    other_council = ask(member(), None, "Drie")
    with pytest.raises(services.QuestionError, match="dezelfde raad"):
        services.merge(duplicate=other_council, into=mine, advisor=desk)
    with pytest.raises(services.QuestionError, match="zichzelf"):
        services.merge(duplicate=mine, into=mine, advisor=desk)
    assert not Question.objects.filter(merged_into__isnull=False).exists()
    # Both shared with the council: then they may go together.
    a, b = ask(greet, council, "Vier", shared=True), ask(henk, council, "Vijf", shared=True)
    services.merge(duplicate=b, into=a, advisor=desk)
    with pytest.raises(services.QuestionError, match="al samengevoegd"):
        services.merge(duplicate=b, into=mine, advisor=desk)


def test_a_merge_to_an_unknown_number_is_a_form_error(client):
    council = MemberCouncilFactory()
    question = ask(member(council=council), council, "Eén")
    client.force_login(adviseur())
    for value in ("VB-999999", "abc", ""):
        response = client.post(
            f"/vraagbaak/behandelen/vraag/{question.pk}/", {"action": "merge", "into": value}
        )
        assert response.status_code == 200
    assert Question.objects.get(pk=question.pk).merged_into is None


def test_an_advisor_sees_who_else_has_the_question_open(client):
    council = MemberCouncilFactory()
    question = ask(member(council=council), council, "Eén")
    ineke = adviseur(first_name="Ineke", last_name="Brouwer")
    kees = adviseur(first_name="Kees", last_name="Smit")
    services.seen(question=question, user=ineke)
    client.force_login(kees)
    page = client.get(f"/vraagbaak/behandelen/vraag/{question.pk}/").content.decode()
    assert "Ineke Brouwer" in page and "bekijkt deze vraag ook" in page
    # Three minutes later Ineke has gone.
    later = timezone.now() + datetime.timedelta(minutes=3)
    assert services.seen(question=question, user=kees, now=later) == []
    assert [u.pk for u in services.seen(question=question, user=ineke, now=later)] == [kees.pk]
