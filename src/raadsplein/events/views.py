from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import object_rule, permission_required, signed_in
from raadsplein.web.caching import shared

from . import agenda_cards, calendar, documents, selectors, services
from .forms import (
    AddParticipantForm,
    BookingForm,
    EvaluationForm,
    ProgrammeFilterForm,
    StaffMessageForm,
)
from .models import BookingStatus, CalendarFeed, Session


def agenda(request):
    form = agenda_cards.filter_form(request.GET or None)
    return render(
        request,
        "events/agenda.html",
        {
            "form": form,
            **agenda_cards.agenda_cards(request, form.filters()),
            "programmes": shared("events-recent-programmes", (), selectors.recent_programmes),
            "today": timezone.localdate(),
            # The agenda's own keyword box is the one search box of this page.
            "site_search": None,
        },
    )


def event_detail(request, slug: str):
    try:
        event = selectors.event_for(request.user, slug)
    except selectors.Event.DoesNotExist as exc:
        raise Http404 from exc
    sessions = selectors.sessions_of(event, request.user)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "sessions": sessions,
            "now": timezone.now(),
            "is_member": selectors.is_member(request.user),
        },
    )


def _session_or_404(user, pk: int) -> Session:
    try:
        return selectors.bookable_session(user, pk)
    except Session.DoesNotExist as exc:
        raise Http404 from exc


def session_ics(request, pk: int):
    session = _session_or_404(request.user, pk)
    with_link = selectors.has_confirmed_seat(request.user, session)
    response = HttpResponse(
        calendar.session_ics(session, with_link=with_link), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{session.event.slug}.ics"'
    return response


@signed_in
def book(request, pk: int):
    """Members book members-only events; events open to everyone anyone signed in may book.
    Events a person may not see answer 404."""
    session = _session_or_404(request.user, pk)
    seats = selectors.people_to_book_for(request.user)
    form = BookingForm(
        request.POST or None,
        seats=seats,
        own_seats=selectors.own_seats(request.user),
        session=session,
        initial={"who": "self"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.book_seat_for(
                session=session,
                booker=request.user,
                who=form.cleaned_data["who"],
                council_id=form.cleaned_data.get("council"),
                access_needs=form.cleaned_data["access_needs"],
                access_needs_other=form.cleaned_data["access_needs_other"],
            )
        except services.BookingError as err:
            form.add_error(None, err.message)
        else:
            if booking.status == BookingStatus.CONFIRMED:
                messages.success(
                    request,
                    _("Geboekt. U krijgt een bevestiging per e-mail, met een agenda-bestand."),
                )
            else:
                messages.info(
                    request,
                    _(
                        "De bijeenkomst is vol. U staat op de wachtlijst en krijgt bericht "
                        "als er een plaats vrijkomt."
                    ),
                )
            return redirect("events:my_bookings")
    return render(request, "events/book.html", {"session": session, "form": form})


@signed_in
def my_bookings(request):
    now = timezone.now()
    bookings = list(selectors.bookings_for(request.user))
    upcoming = [b for b in bookings if b.session.ends_at > now and b.is_active]
    past = [b for b in bookings if b.session.ends_at <= now and b.status == "confirmed"]
    feed = selectors.calendar_feed_of(request.user)
    return render(
        request,
        "events/my_bookings.html",
        {
            "upcoming": upcoming,
            "past": past,
            "for_others": selectors.upcoming_bookings_made_for_others(request.user, now=now),
            "as_trainer": selectors.sessions_as_trainer(request.user, now=now),
            "feed_url": (
                request.build_absolute_uri(reverse("events:calendar_feed", args=[feed.token]))
                if feed
                else ""
            ),
            "now": now,
        },
    )


def _manageable_or_404(user, pk: int):
    return get_object_or_404(selectors.manageable_bookings(user), pk=pk)


@signed_in
def booking_cancel(request, pk: int):
    booking = _manageable_or_404(request.user, pk)
    if request.method == "POST":
        try:
            services.cancel_booking(booking=booking, by=request.user)
        except services.BookingError as err:
            messages.error(request, err.message)
        else:
            messages.success(request, _("U bent afgemeld. Dank u voor het doorgeven."))
        return redirect("events:my_bookings")
    return render(request, "events/cancel.html", {"booking": booking})


@signed_in
@require_POST
def booking_accept(request, pk: int):
    booking = _manageable_or_404(request.user, pk)
    try:
        services.accept_offer(booking=booking)
    except services.BookingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, _("De plaats is van u. U krijgt een bevestiging per e-mail."))
    return redirect("events:my_bookings")


@signed_in
def evaluate(request, pk: int):
    booking = get_object_or_404(selectors.bookings_for(request.user), pk=pk)
    existing = getattr(booking, "evaluation", None)
    initial = {"score": existing.score, "comments": existing.comments} if existing else None
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluate_session(
                booking=booking,
                score=form.cleaned_data["score"],
                comments=form.cleaned_data["comments"],
            )
        except services.BookingError as err:
            form.add_error(None, err.message)
        else:
            messages.success(request, _("Dank u wel voor uw beoordeling."))
            return redirect("events:my_bookings")
    return render(request, "events/evaluate.html", {"booking": booking, "form": form})


def calendar_feed(request, token: str):
    try:
        feed = selectors.calendar_feed_by_token(token)
    except CalendarFeed.DoesNotExist as exc:
        raise Http404 from exc
    bookings = selectors.active_bookings_for(feed.person)
    body = calendar.feed_ics(bookings, name=_("Raadsplein: mijn bijeenkomsten"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@signed_in
@require_POST
def calendar_feed_reset(request):
    if request.POST.get("action") == "create":
        services.calendar_feed_for(request.user)
        messages.success(request, _("Uw persoonlijke agenda-adres is klaar."))
    else:
        services.reset_calendar_feed(person=request.user)
        messages.success(request, _("U heeft een nieuw agenda-adres. Het oude werkt niet meer."))
    return redirect("events:my_bookings")


def programme(request, slug: str):
    try:
        prog = selectors.programme_for(request.user, slug)
    except selectors.Programme.DoesNotExist as exc:
        raise Http404 from exc
    days = selectors.programme_days(prog)
    themes = selectors.programme_themes(prog)
    form = ProgrammeFilterForm(request.GET or None, days=days, themes=themes)
    sessions = selectors.mark_teasers(
        selectors.programme_sessions(prog, request.user, **form.filters()), request.user
    )
    grouped = selectors.group_by_day_and_slot(sessions)
    return render(
        request,
        "events/programme.html",
        {
            "programme": prog,
            "form": form,
            "grouped": grouped,
            "count": sum(len(s) for slots in grouped.values() for s in slots.values()),
            "now": timezone.now(),
            "is_member": selectors.is_member(request.user),
        },
    )


def _staff_session(request, pk: int, **kwargs) -> Session:
    return get_object_or_404(selectors.staff_sessions(), pk=pk)


@permission_required("events.manage_sessions")
def staff_overview(request):
    sessions = selectors.staff_sessions(upcoming_only=request.GET.get("alles") != "1")
    page = Paginator(sessions, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "events/staff/overview.html",
        {
            "page": page,
            "event_scores": selectors.event_scores(),
            "programme_scores": selectors.programme_scores(),
        },
    )


@object_rule("events.run_session", find=_staff_session)
def staff_session(request, session, pk: int):
    form = StaffMessageForm(request.POST if "send_message" in request.POST else None)
    add_form = AddParticipantForm(
        request.POST if "add_participant" in request.POST else None, session=session
    )
    if request.method == "POST":
        if "mark_attendance" in request.POST:
            # isdigit() alone lets "²" through, which int() refuses.
            ticked = request.POST.getlist("present")
            present = [int(x) for x in ticked if x.isascii() and x.isdigit()]
            services.mark_attendance(session=session, present_ids=present, by=request.user)
            messages.success(request, _("De aanwezigheid is opgeslagen."))
            return redirect("events:staff_session", pk=session.pk)
        if "send_message" in request.POST and form.is_valid():
            n = services.email_participants(
                session=session,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                by=request.user,
            )
            messages.success(request, _("Het bericht gaat naar %(n)s deelnemers.") % {"n": n})
            return redirect("events:staff_session", pk=session.pk)
        if "add_participant" in request.POST and add_form.is_valid():
            try:
                booking = services.add_participant(
                    session=session,
                    email=add_form.cleaned_data["email"],
                    access_needs=add_form.cleaned_data["access_needs"],
                    by=request.user,
                )
            except services.BookingError as err:
                add_form.add_error(None, err.message)
            else:
                messages.success(
                    request,
                    _("%(name)s is toegevoegd: %(status)s.")
                    % {
                        "name": booking.person.get_full_name() or booking.person.email,
                        "status": booking.get_status_display().lower(),
                    },
                )
                return redirect("events:staff_session", pk=session.pk)
    return render(
        request,
        "events/staff/session.html",
        {
            "session": session,
            "participants": selectors.participants(session),
            "form": form,
            "add_form": add_form,
            "may_manage": request.user.has_perm("events.manage_sessions"),
        },
    )


@permission_required("events.manage_sessions")
@require_POST
def staff_move_up(request, pk: int):
    """Give a chosen person on the waiting list a free seat at once."""
    booking = get_object_or_404(selectors.waitlisted_bookings(), pk=pk)
    try:
        services.move_up(booking=booking, by=request.user)
    except services.BookingError as err:
        messages.error(request, err.message)
    else:
        messages.success(
            request,
            _("%(name)s heeft nu een plaats en krijgt een bevestiging per e-mail.")
            % {"name": booking.person.get_full_name() or booking.person.email},
        )
    return redirect("events:staff_session", pk=booking.session_id)


@object_rule("events.run_session", find=_staff_session)
def staff_checkin_pdf(request, session, pk: int):
    response = HttpResponse(documents.checkin_pdf(session), content_type="application/pdf")
    filename = documents.participants_filename(session, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@object_rule("events.run_session", find=_staff_session)
def staff_export(request, session, pk: int, fmt: str):
    if fmt == "csv":
        body, content_type = documents.participants_csv(session), "text/csv"
    elif fmt == "xlsx":
        body = documents.participants_xlsx(session)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    filename = documents.participants_filename(session, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
