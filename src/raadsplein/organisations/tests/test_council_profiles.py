"""Councils find each other: an opt-in profile for other councils, and a message that goes
through the platform to the council's officers — no addresses shown, the text not kept."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations import services
from raadsplein.organisations.models import CouncilMessage, SeatRole
from raadsplein.organisations.tests.factories import CouncilFactory, MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    target = MemberCouncilFactory(
        name="Cliëntenraad Zonnehof", profile_visible=True, profile_text="Wij werken aan voeding."
    )
    chair = member(council=target, role=SeatRole.VOORZITTER, email="voorzitter@zonnehof.test")
    plain = member(council=target, email="lid@zonnehof.test")
    hidden = MemberCouncilFactory(name="Cliëntenraad Verborgen")
    member(council=hidden, role=SeatRole.VOORZITTER)
    writer_council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    writer = member(council=writer_council, first_name="Anna", last_name="Schrijver")
    return {"target": target, "chair": chair, "plain": plain, "hidden": hidden, "writer": writer}


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_profile_shows_to_members_and_names_no_one(world):
    url = reverse("organisations:council_profile", args=[world["target"].pk])
    html = _client(world["writer"]).get(url).content.decode()
    assert "Wij werken aan voeding." in html
    assert "Stuur deze raad een bericht" in html
    for secret in ("voorzitter@zonnehof.test", "lid@zonnehof.test", world["chair"].last_name):
        assert secret not in html


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("non_member", 403), ("member", 200), ("staff", 200)],
)
def test_who_sees_a_visible_profile(world, who, status):
    user = {
        "anonymous": None,
        "non_member": UserFactory(),
        "member": world["writer"],
        "staff": adviseur(),
    }[who]
    response = _client(user).get(
        reverse("organisations:council_profile", args=[world["target"].pk])
    )
    assert response.status_code == status
    assert ("Wij werken aan voeding." in response.content.decode()) is (status == 200)


def test_hidden_profile_answers_404_except_to_its_own(world):
    url = reverse("organisations:council_profile", args=[world["hidden"].pk])
    assert _client(world["writer"]).get(url).status_code == 404
    own = world["hidden"].seats.get().person
    assert "Dit profiel is verborgen" in _client(own).get(url).content.decode()
    not_member = CouncilFactory(profile_visible=True)  # no membership: not in the network
    assert (
        _client(world["writer"])
        .get(reverse("organisations:council_profile", args=[not_member.pk]))
        .status_code
        == 404
    )


def test_message_reaches_the_officers_once_and_its_text_is_dropped(
    world, django_capture_on_commit_callbacks
):
    url = reverse("organisations:council_profile", args=[world["target"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(world["writer"]).post(
            url, {"body": "Hoe pakt u de maaltijden aan?", "share_address": "on"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1  # the chair; a plain member is no officer
    sent = mail.outbox[0]
    assert sent.to == ["voorzitter@zonnehof.test"]
    assert sent.reply_to == [world["writer"].email]
    assert "Hoe pakt u de maaltijden aan?" in sent.body
    assert "Anna Schrijver (Cliëntenraad De Linde)" in sent.body
    message = CouncilMessage.objects.get()
    assert message.body == "" and message.sent_at is not None
    assert not services.deliver_council_message(message_id=message.pk)  # a second run: nothing
    assert len(mail.outbox) == 1
    entry = AuditEntry.objects.get(action="organisations.council.contacted")
    assert entry.data == {}


@pytest.mark.parametrize(
    ("post", "error"),
    [
        ({"body": "Hallo"}, "Zet een vinkje"),
        ({"body": "   ", "share_address": "on"}, "Dit is een verplicht veld"),
        ({"body": "x" * 2001, "share_address": "on"}, "2000"),
    ],
)
def test_bad_message_keeps_the_text_and_sends_nothing(world, post, error):
    url = reverse("organisations:council_profile", args=[world["target"].pk])
    response = _client(world["writer"]).post(url, post)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    if post["body"].strip():
        assert post["body"][:50] in html  # nothing the person wrote is lost
    assert not mail.outbox and not CouncilMessage.objects.exists()


def test_limits_own_council_and_hidden_council(world):
    writer = world["writer"]
    for _ in range(services.MESSAGES_PER_DAY):
        services.contact_council(council=world["target"], sender=writer, body="Vraag")
    with pytest.raises(services.ContactError, match="Morgen kan het weer"):
        services.contact_council(council=world["target"], sender=writer, body="Nog een")
    with pytest.raises(services.ContactError, match="eigen raad"):
        services.contact_council(council=world["target"], sender=world["plain"], body="Hoi")
    with pytest.raises(services.ContactError, match="geen berichten"):
        services.contact_council(council=world["hidden"], sender=writer, body="Hoi")
    assert CouncilMessage.objects.count() == services.MESSAGES_PER_DAY


def test_officers_switch_the_profile_on_and_others_cannot(world):
    hidden = world["hidden"]
    chair = hidden.seats.get().person
    url = reverse("organisations:council_detail", args=[hidden.pk])
    plain = member(council=hidden)
    _client(plain).post(url, {"save_profile": "1", "profile_visible": "on"})
    hidden.refresh_from_db()
    assert not hidden.profile_visible
    response = _client(chair).post(
        url, {"save_profile": "1", "profile_visible": "on", "profile_text": "Wij zoeken contact."}
    )
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.profile_visible and hidden.profile_text == "Wij zoeken contact."
    assert AuditEntry.objects.filter(action="organisations.council.profile_changed").count() == 1
    directory = _client(world["writer"]).get(reverse("organisations:directory")).content.decode()
    assert reverse("organisations:council_profile", args=[hidden.pk]) in directory


def test_personal_data_lists_and_erasure_drops_messages(world):
    services.contact_council(council=world["target"], sender=world["writer"], body="Vraag")
    exported = services.export_organisation_data(world["writer"])
    assert exported["council_messages"][0]["council"] == "Cliëntenraad Zonnehof"
    assert "Vraag" not in str(exported)
    services.end_person_ties(world["writer"])
    assert not CouncilMessage.objects.exists()
