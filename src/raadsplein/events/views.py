import csv
import datetime
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations import selectors as org_selectors

from . import calendar, selectors, services
from .forms import (
    AgendaFilterForm,
    BookingForm,
    EvaluationForm,
    ProgrammeFilterForm,
    StaffMessageForm,
)
from .models import ACTIVE_STATUSES, BookingStatus, CalendarFeed, Session, Theme
from .rules import BOOKING_ROLES


def agenda(request):
    form = AgendaFilterForm(request.GET or None)
    sessions = selectors.upcoming_sessions(request.user, **form.filters())
    page = Paginator(sessions, 20).get_page(request.GET.get("pagina"))
    return render(
        request,
        "events/agenda.html",
        {
            "form": form,
            "page": page,
            "programmes": selectors.recent_programmes(),
            "today": timezone.localdate(),
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
    confirmed = (
        request.user.is_authenticated
        and session.bookings.filter(person=request.user, status=BookingStatus.CONFIRMED).exists()
    )
    response = HttpResponse(
        calendar.session_ics(session, with_link=confirmed), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{session.event.slug}.ics"'
    return response


def _who_choices(user):
    choices = [("self", _("Mijzelf"))]
    for seat in org_selectors.current_seats_for(user).filter(role__in=BOOKING_ROLES):
        for other in org_selectors.council_seats(seat.council):
            if other.person_id != user.pk:
                choices.append(
                    (
                        f"{seat.council_id}:{other.person_id}",
                        f"{other.person.get_full_name() or other.person.email} "
                        f"({seat.council.name})",
                    )
                )
    return choices


def _resolve_who(user, value: str):
    """'self' or 'council:person' → (person, council); only seats the user may book for."""
    if value in ("", "self"):
        return user, None
    try:
        council_id, person_id = (int(x) for x in value.split(":", 1))
    except ValueError as exc:
        raise services.BookingError(_("Kies voor wie u boekt.")) from exc
    council = org_selectors.councils_visible_to(user).filter(pk=council_id).first()
    if council is None:
        raise services.BookingError(_("Kies voor wie u boekt."))
    seat = (
        services.members_of_council_for_booking(booker=user, council=council)
        .filter(person_id=person_id)
        .first()
    )
    if seat is None:
        raise services.BookingError(
            _(
                "U kunt alleen boeken voor leden van een raad waarvan u voorzitter of "
                "secretaris bent."
            )
        )
    return seat.person, council


@login_required
def book(request, pk: int):
    """Members book members-only events; events open to everyone anyone signed in may book.
    Events a person may not see answer 404."""
    session = _session_or_404(request.user, pk)
    choices = _who_choices(request.user)
    form = BookingForm(request.POST or None, who_choices=choices, initial={"who": "self"})
    if request.method == "POST" and form.is_valid():
        try:
            person, council = _resolve_who(request.user, form.cleaned_data["who"])
            booking = services.book_seat(
                session=session,
                person=person,
                booked_by=request.user,
                council=council,
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


@login_required
def my_bookings(request):
    bookings = list(selectors.bookings_for(request.user))
    booked_for_others = (
        selectors.manageable_bookings(request.user)
        .exclude(person=request.user)
        .filter(status__in=ACTIVE_STATUSES, session__ends_at__gt=timezone.now())
        .order_by("session__starts_at")
    )
    now = timezone.now()
    upcoming = [b for b in bookings if b.session.ends_at > now and b.is_active]
    past = [b for b in bookings if b.session.ends_at <= now and b.status == "confirmed"]
    feed = CalendarFeed.objects.filter(person=request.user).first()
    as_trainer = (
        Session.objects.filter(
            trainer_account=request.user, ends_at__gt=now - datetime.timedelta(days=30)
        )
        .select_related("event")
        .order_by("starts_at")
    )
    return render(
        request,
        "events/my_bookings.html",
        {
            "upcoming": upcoming,
            "past": past,
            "for_others": booked_for_others,
            "as_trainer": as_trainer,
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


@login_required
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


@login_required
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


@login_required
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
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token)
    bookings = selectors.active_bookings_for(feed.person)
    body = calendar.feed_ics(bookings, name=_("Raadsplein: mijn bijeenkomsten"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
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
    themes = Theme.objects.filter(event__programme=prog).distinct().order_by("name")
    form = ProgrammeFilterForm(request.GET or None, days=days, themes=themes)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "day": datetime.date.fromisoformat(data["day"]) if data["day"] else None,
            "theme": data["theme"],
            "mode": data["mode"],
        }
    sessions = selectors.programme_sessions(prog, request.user, **filters)
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


def _session_runner(view):
    """Staff, or the trainer whose account is set on the session."""

    def wrapper(request, pk: int, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        session = get_object_or_404(selectors.staff_sessions(), pk=pk)
        if not request.user.has_perm("events.run_session", session):
            raise PermissionDenied
        return view(request, session, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


def _staff_only(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("events.manage_sessions"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@_staff_only
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


@_session_runner
def staff_session(request, session):
    form = StaffMessageForm(request.POST if "send_message" in request.POST else None)
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
    return render(
        request,
        "events/staff/session.html",
        {"session": session, "participants": selectors.participants(session), "form": form},
    )


EXPORT_HEADER = [
    "Naam",
    "E-mailadres",
    "Raad",
    "Status",
    "Geboekt op",
    "Geboekt door",
    "Toegankelijkheid",
    "Aanwezig",
    "Cijfer",
]


def _export_rows(session):
    for b in selectors.participants(session):
        evaluation = getattr(b, "evaluation", None)
        yield [
            b.person.get_full_name(),
            b.person.email,
            b.council.name if b.council else "",
            str(b.get_status_display()),
            timezone.localtime(b.created_at).strftime("%d-%m-%Y %H:%M"),
            (b.booked_by.get_full_name() if b.booked_by and b.booked_by_id != b.person_id else ""),
            "; ".join(b.access_need_labels()),
            {True: "ja", False: "nee", None: ""}[b.attended],
            evaluation.score if evaluation else "",
        ]


def _safe_cell(value):
    """Cells starting with =, +, - or @ are read as formulas by spreadsheets; defuse them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@_session_runner
def staff_export(request, session, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filename = f"deelnemers-{session.event.slug}-{timezone.localtime(session.starts_at):%Y%m%d}"
    rows = [[_safe_cell(v) for v in row] for row in _export_rows(session)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(EXPORT_HEADER)
        writer.writerows(rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Deelnemers"
    ws.append(EXPORT_HEADER)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
