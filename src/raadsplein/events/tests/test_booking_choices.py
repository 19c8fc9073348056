"""Booking that asks the right things (issue 10, part 4): access needs that fit the session,
the council you attend for, who booked you, the council's own choice of who books for it,
and what staff do by hand (add a participant, give a waiting person a seat, the check-in list).
"""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.events import services
from raadsplein.events.models import Booking, BookingStatus
from raadsplein.organisations import services as org_services
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

from .factories import BookingFactory, EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _on_site(**kwargs):
    return SessionFactory(is_online=False, location="Utrecht", meeting_url="", **kwargs)


def test_booking_form_asks_needs_that_fit_online_or_on_site(client):
    client.force_login(member())
    online = client.get(reverse("events:book", args=[SessionFactory().pk])).content.decode()
    assert "Ondertiteling" in online and "Tolk Nederlandse Gebarentaal" in online
    assert "Rolstoeltoegankelijk" not in online and "Ringleiding" not in online
    on_site = client.get(reverse("events:book", args=[_on_site().pk])).content.decode()
    assert "Rolstoeltoegankelijk" in on_site and "Ringleiding" in on_site
    assert "Ondertiteling" not in on_site


def test_wheelchair_for_an_online_session_is_refused_and_nothing_booked():
    person = member()
    with pytest.raises(services.BookingError) as err:
        services.book_seat(session=SessionFactory(), person=person, access_needs=["wheelchair"])
    assert "uit de lijst" in err.value.message
    assert not Booking.objects.filter(person=person).exists()


def test_person_on_two_councils_chooses_which_one_the_seat_counts_for(client):
    first, second = MemberCouncilFactory(name="Raad Noord"), MemberCouncilFactory(name="Raad Zuid")
    person = member(council=first)
    SeatFactory(person=person, council=second)
    session = SessionFactory(per_council_cap=1)
    BookingFactory(session=session, person=member(council=first), council=first)
    client.force_login(person)
    url = reverse("events:book", args=[session.pk])
    page = client.get(url).content.decode()
    assert "Voor welke raad komt u?" in page and "Raad Zuid" in page
    response = client.post(url, {"who": "self"})
    assert "Kies voor welke raad u komt." in response.content.decode()
    response = client.post(url, {"who": "self", "council": str(MemberCouncilFactory().pk)})
    assert response.status_code == 200
    assert not Booking.objects.filter(person=person).exists()
    response = client.post(url, {"who": "self", "council": str(second.pk)})
    assert response.status_code == 302
    assert Booking.objects.get(person=person).council == second


def test_person_on_one_council_is_not_asked(client):
    client.force_login(member())
    page = client.get(reverse("events:book", args=[SessionFactory().pk])).content.decode()
    assert "Voor welke raad komt u?" not in page


def test_person_booked_by_their_chair_is_told_who_booked(django_capture_on_commit_callbacks):
    council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    chair = member(council=council, role=SeatRole.VOORZITTER, first_name="Els", last_name="Kok")
    colleague = member(council=council)
    with django_capture_on_commit_callbacks(execute=True):
        services.book_seat_for(
            session=SessionFactory(), booker=chair, who=f"{council.pk}:{colleague.pk}"
        )
        services.book_seat(session=SessionFactory(), person=chair)
    to_colleague = next(m for m in mail.outbox if m.to == [colleague.email])
    assert "Els Kok heeft u aangemeld, namens Cliëntenraad De Linde." in to_colleague.body
    to_chair = next(m for m in mail.outbox if m.to == [chair.email])
    assert "heeft u aangemeld" not in to_chair.body


def test_ambtelijk_secretaris_books_for_the_council_once_the_council_allows_it():
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    officer = member(council=council, role=SeatRole.AMBTELIJK_SECRETARIS)
    colleague = member(council=council)
    session = SessionFactory()
    who = f"{council.pk}:{colleague.pk}"
    with pytest.raises(services.BookingError):
        services.book_seat_for(session=session, booker=officer, who=who)
    assert not Booking.objects.filter(person=colleague).exists()
    org_services.set_officer_roles(council=council, roles=[SeatRole.AMBTELIJK_SECRETARIS], by=chair)
    booking = services.book_seat_for(session=session, booker=officer, who=who)
    assert (booking.person, booking.booked_by, booking.council) == (colleague, officer, council)


def test_staff_add_a_non_member_to_a_members_only_session_audited(
    client, django_capture_on_commit_callbacks
):
    session = _on_site(event=EventFactory(title="Cursus voor leden"))
    guest = UserFactory(email="gast@example.org", first_name="Gijs", last_name="Gast")
    staff = adviseur(first_name="Sanne", last_name="Staf")
    client.force_login(staff)
    url = reverse("events:staff_session", args=[session.pk])
    response = client.post(url, {"add_participant": "1", "email": "nobody@example.org"})
    assert "Er is geen account met het e-mailadres nobody@example.org." in (
        response.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"add_participant": "1", "email": "GAST@example.org", "access_needs": ["wheelchair"]},
        )
    assert response.status_code == 302
    booking = Booking.objects.get(person=guest)
    assert (booking.status, booking.booked_by, booking.access_needs) == (
        BookingStatus.CONFIRMED,
        staff,
        ["wheelchair"],
    )
    entry = AuditEntry.objects.get(action="events.booking.added_by_staff")
    assert (entry.actor, entry.subject) == (staff, guest)
    assert "Sanne Staf heeft u aangemeld." in mail.outbox[0].body


def test_non_staff_cannot_add_participants():
    with pytest.raises(services.BookingError):
        services.add_participant(session=SessionFactory(), email=member().email, by=member())
    assert not Booking.objects.exists()


def test_staff_move_a_chosen_waiting_person_up_when_a_seat_is_free(client):
    session = SessionFactory(capacity=2)
    BookingFactory(session=session)
    first = BookingFactory(session=session, status=BookingStatus.WAITLISTED)
    chosen = BookingFactory(session=session, status=BookingStatus.WAITLISTED)
    staff = adviseur()
    client.force_login(staff)
    page = client.get(reverse("events:staff_session", args=[session.pk])).content.decode()
    assert reverse("events:staff_move_up", args=[chosen.pk]) in page
    response = client.post(reverse("events:staff_move_up", args=[chosen.pk]))
    assert response.status_code == 302
    chosen.refresh_from_db()
    first.refresh_from_db()
    assert (chosen.status, first.status) == (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)
    assert AuditEntry.objects.filter(action="events.booking.moved_up").count() == 1
    # Now full: the next one is refused with a Dutch message and stays waiting.
    response = client.post(reverse("events:staff_move_up", args=[first.pk]), follow=True)
    assert "Er is geen plaats vrij." in response.content.decode()
    first.refresh_from_db()
    assert first.status == BookingStatus.WAITLISTED


def test_move_up_is_for_staff_only(client):
    waiting = BookingFactory(session=SessionFactory(capacity=3), status=BookingStatus.WAITLISTED)
    client.force_login(member())
    assert client.post(reverse("events:staff_move_up", args=[waiting.pk])).status_code == 403
    client.force_login(adviseur())
    assert client.post(reverse("events:staff_move_up", args=[999999])).status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITLISTED


def test_check_in_list_pdf_lists_confirmed_participants_for_staff_only(client):
    session = _on_site(event=EventFactory(title="Basiscursus"))
    council = MemberCouncilFactory(name="Raad Oost")
    BookingFactory(
        session=session,
        person=member(council=council, first_name="Anna", last_name="Jansen"),
        council=council,
        access_needs=["wheelchair"],
    )
    BookingFactory(
        session=session,
        person=member(first_name="Wim", last_name="Wacht"),
        status=BookingStatus.WAITLISTED,
    )
    url = reverse("events:staff_checkin_pdf", args=[session.pk])
    client.force_login(member())
    assert client.get(url).status_code == 403
    client.force_login(adviseur())
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "aanwezigheidslijst-" in response["Content-Disposition"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Anna Jansen" in text and "Raad Oost" in text and "Rolstoeltoegankelijk" in text
    assert "Wim Wacht" not in text
    assert client.get(reverse("events:staff_checkin_pdf", args=[999999])).status_code == 404
