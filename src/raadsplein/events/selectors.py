"""Reads about events, sessions and bookings, scoped to what a person may see. Every queryset
loads what its pages show, so that list pages run a fixed number of queries."""

import datetime
from collections import OrderedDict

from django.db.models import (
    Avg,
    Count,
    Exists,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from raadsplein.accounts.rules import is_staff_member
from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.models import Seat
from raadsplein.organisations.rules import is_member
from raadsplein.web.caching import shared

from .models import (
    ACTIVE_STATUSES,
    SEAT_STATUSES,
    Audience,
    Booking,
    BookingStatus,
    CalendarFeed,
    Evaluation,
    Event,
    EventStatus,
    Programme,
    Session,
    Theme,
)


def visible_events(user) -> QuerySet[Event]:
    """Published (or cancelled, to show it) events; members-only ones for members."""
    qs = Event.objects.exclude(status=EventStatus.DRAFT)
    if not is_member(user):
        qs = qs.filter(audience=Audience.OPEN)
    return qs


def listed_events(user) -> QuerySet[Event]:
    """What the agenda and a programme list: every published or cancelled event. A visitor
    sees the members-only ones as teasers (``is_teaser``): title and date, no link or
    booking; their pages and booking stay for members (``visible_events``)."""
    return Event.objects.exclude(status=EventStatus.DRAFT)


def mark_teasers(sessions, user) -> list[Session]:
    """Set ``is_teaser`` on each session of a page (one membership check for the page)."""
    sessions = list(sessions)
    member = is_member(user)
    for s in sessions:
        s.is_teaser = s.event.audience == Audience.MEMBERS and not member
    return sessions


def _keyword_filter(q: str) -> Q:
    """Every word of ``q`` in the event's title, summary, description or host."""
    cond = Q()
    for word in q.split()[:8]:
        cond &= (
            Q(event__title__icontains=word)
            | Q(event__summary__icontains=word)
            | Q(event__description__icontains=word)
            | Q(event__host__icontains=word)
        )
    return cond


def _booking_count(**filters) -> Coalesce:
    counted = (
        Booking.objects.filter(session=OuterRef("pk"), **filters)
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_counts(qs: QuerySet[Session]) -> QuerySet[Session]:
    """Seats taken and places on the waiting list, as correlated subqueries: the database
    counts only the sessions of the page shown, not those of every session it filters."""
    return qs.annotate(
        seats_taken=_booking_count(status__in=SEAT_STATUSES),
        waiting=_booking_count(status=BookingStatus.WAITLISTED),
    )


def _with_my_status(qs: QuerySet[Session], user) -> QuerySet[Session]:
    if not getattr(user, "is_authenticated", False):
        return qs
    mine = Booking.objects.filter(session=OuterRef("pk"), person=user, status__in=ACTIVE_STATUSES)
    return qs.annotate(my_status=mine.values("status")[:1])


def upcoming_sessions(
    user,
    *,
    kind: str = "",
    theme: str = "",
    region: str = "",
    mode: str = "",
    q: str = "",
    date_from: datetime.date | None = None,
    now: datetime.datetime | None = None,
    teasers: bool = False,
) -> QuerySet[Session]:
    """Sessions not yet ended of events the user may see, with seats taken and the user's own
    booking status, for the agenda and the API. ``teasers``: also members-only events for a
    visitor (the agenda marks them with ``mark_teasers``)."""
    now = now or timezone.now()
    events = listed_events(user) if teasers else visible_events(user)
    qs = Session.objects.filter(
        event__in=events.filter(status=EventStatus.PUBLISHED),
        ends_at__gt=now,
    )
    if q:
        qs = qs.filter(_keyword_filter(q))
    if kind:
        qs = qs.filter(event__kind=kind)
    if theme:
        qs = qs.filter(event__in=Event.objects.filter(themes__slug=theme))
    if region:
        qs = qs.filter(event__region__slug=region)
    if mode == "online":
        qs = qs.filter(is_online=True)
    elif mode == "physical":
        qs = qs.filter(is_online=False)
    if date_from:
        start = timezone.make_aware(datetime.datetime.combine(date_from, datetime.time.min))
        qs = qs.filter(starts_at__gte=start)
    qs = _with_my_status(with_counts(qs), user)
    return (
        qs.select_related("event", "event__region", "event__programme")
        .prefetch_related("event__themes")
        .order_by("starts_at", "pk")
    )


def highlights(user, limit: int = 3) -> list[Session]:
    """The next sessions for the home page, one per event: open ones, and members-only ones
    (as teasers for a visitor). Cancelled sessions are left out. The same sessions for
    everyone (nothing of the person's bookings), so shared until content changes or the
    page-cache time ends; only the teaser mark is the person's."""

    def compute() -> list[Session]:
        chosen, seen = [], set()
        qs = (
            Session.objects.filter(
                event__in=listed_events(None).filter(status=EventStatus.PUBLISHED),
                ends_at__gt=timezone.now(),
                is_cancelled=False,
            )
            .select_related("event")
            .order_by("starts_at", "pk")
        )
        for s in qs[: limit * 5]:
            if s.event_id not in seen:
                seen.add(s.event_id)
                chosen.append(s)
            if len(chosen) == limit:
                break
        return chosen

    return mark_teasers(shared("events-highlights", (limit,), compute), user)


def event_for(user, slug: str) -> Event:
    """One event the user may see (raises DoesNotExist otherwise)."""
    return (
        visible_events(user)
        .select_related("region", "programme")
        .prefetch_related("themes", "sectors")
        .get(slug=slug)
    )


def sessions_of(event: Event, user) -> QuerySet[Session]:
    return _with_my_status(with_counts(event.sessions.all()), user).order_by("starts_at", "pk")


def bookable_session(user, pk: int) -> Session:
    """A session of an event the user may see (raises DoesNotExist otherwise)."""
    return with_counts(
        Session.objects.filter(event__in=visible_events(user)).select_related(
            "event", "event__region", "event__programme"
        )
    ).get(pk=pk)


def session_for_booking(user, pk: int) -> Session:
    """A session of an event the user may see, without counts (the service counts under
    lock). Raises DoesNotExist otherwise."""
    return Session.objects.filter(event__in=visible_events(user)).get(pk=pk)


def bookings_for(person) -> QuerySet[Booking]:
    """The person's own bookings, newest session last."""
    return (
        Booking.objects.filter(person=person)
        .select_related("session__event", "council", "booked_by")
        .prefetch_related("evaluation")
        .order_by("session__starts_at", "pk")
    )


def manageable_bookings(user) -> QuerySet[Booking]:
    """Bookings the user may change: their own and those they made for others."""
    return Booking.objects.filter(Q(person=user) | Q(booked_by=user)).select_related(
        "session__event", "person"
    )


def active_bookings_for(person) -> QuerySet[Booking]:
    return bookings_for(person).filter(status__in=ACTIVE_STATUSES)


def has_confirmed_seat(user, session: Session) -> bool:
    """Whether the user holds a confirmed seat (and so may see the meeting link)."""
    return getattr(user, "is_authenticated", False) and (
        session.bookings.filter(person=user, status=BookingStatus.CONFIRMED).exists()
    )


def upcoming_bookings_made_for_others(user, *, now: datetime.datetime | None = None):
    """Active bookings the user made for someone else for sessions not yet ended."""
    now = now or timezone.now()
    return (
        manageable_bookings(user)
        .exclude(person=user)
        .filter(status__in=ACTIVE_STATUSES, session__ends_at__gt=now)
        .order_by("session__starts_at")
    )


def sessions_as_trainer(user, *, now: datetime.datetime | None = None) -> QuerySet[Session]:
    """Sessions whose trainer account is the user, from the last 30 days on."""
    now = now or timezone.now()
    return (
        Session.objects.filter(trainer_account=user, ends_at__gt=now - datetime.timedelta(days=30))
        .select_related("event")
        .order_by("starts_at")
    )


def calendar_feed_of(person) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(person=person).first()


def calendar_feed_by_token(token: str) -> CalendarFeed:
    """The feed with this secret address (raises DoesNotExist otherwise)."""
    return CalendarFeed.objects.select_related("person").get(token=token)


def people_to_book_for(user) -> list[Seat]:
    """The current seats of the people the user may book for: everyone else on a council the
    user is an officer of (``organisations.selectors.officer_seats``), with person and
    council loaded. ``services.book_seat_for`` checks the choice again."""
    seats = []
    for officer_seat in org_selectors.officer_seats(user):
        council = officer_seat.council
        for seat in org_selectors.council_seats(council):
            if seat.person_id != user.pk:
                seat.council = council
                seats.append(seat)
    return seats


def own_seats(user) -> list[Seat]:
    """The user's current seats, with their councils (the booking form's choice of council)."""
    return list(org_selectors.current_seats_for(user))


def programme_for(user, slug: str) -> Programme:
    qs = Programme.objects.all()
    if not is_staff_member(user):
        qs = qs.filter(is_published=True)
    return qs.get(slug=slug)


def recent_programmes() -> list[Programme]:
    """Published programmes that are coming up or ended less than a year ago (recordings)."""
    since = timezone.localdate() - datetime.timedelta(days=365)
    return list(
        Programme.objects.filter(is_published=True, end_date__gte=since).order_by("-start_date")
    )


def programme_sessions(
    programme: Programme, user, *, day: datetime.date | None = None, theme: str = "", mode=""
) -> QuerySet[Session]:
    """The programme's sessions, in full for everyone: a visitor sees the members-only
    workshops too, as teasers without booking (``mark_teasers``)."""
    qs = Session.objects.filter(event__programme=programme, event__in=listed_events(user))
    if day:
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        qs = qs.filter(starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
    if theme:
        qs = qs.filter(event__in=Event.objects.filter(themes__slug=theme))
    if mode == "mine" and getattr(user, "is_authenticated", False):
        qs = qs.filter(
            Exists(
                Booking.objects.filter(
                    session=OuterRef("pk"), person=user, status__in=ACTIVE_STATUSES
                )
            )
        )
    qs = _with_my_status(with_counts(qs), user)
    return qs.select_related("event").prefetch_related("event__themes").order_by("starts_at", "pk")


def group_by_day_and_slot(sessions) -> "OrderedDict[datetime.date, OrderedDict]":
    """{day: {(start, end): [sessions]}} in Amsterdam time, in order."""
    days: OrderedDict = OrderedDict()
    for s in sessions:
        start = timezone.localtime(s.starts_at)
        end = timezone.localtime(s.ends_at)
        days.setdefault(start.date(), OrderedDict()).setdefault(
            (start.time(), end.time()), []
        ).append(s)
    return days


def programme_themes(programme: Programme) -> QuerySet[Theme]:
    """The themes of the programme's events, for its filter."""
    return Theme.objects.filter(event__programme=programme).distinct().order_by("name")


def programme_days(programme: Programme) -> list[datetime.date]:
    days = []
    day = programme.start_date
    while day <= programme.end_date:
        days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _evaluations_of_session() -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(booking__session=OuterRef("pk"))
        .order_by()
        .values("booking__session")
    )


def staff_sessions(*, upcoming_only: bool = False) -> QuerySet[Session]:
    """Sessions with counts and evaluation scores, each a subquery over the session's own
    bookings (cheap for the page of 50 the staff overview shows)."""
    scores = _evaluations_of_session()
    qs = with_counts(Session.objects.all()).annotate(
        avg_score=Subquery(scores.annotate(a=Avg("score")).values("a"), output_field=FloatField()),
        n_evaluations=Coalesce(
            Subquery(scores.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
            0,
        ),
    )
    if upcoming_only:
        qs = qs.filter(ends_at__gt=timezone.now())
    return qs.select_related("event", "event__programme").order_by("starts_at", "pk")


def participants(session: Session) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(session=session, status__in=ACTIVE_STATUSES)
        .select_related("person", "council", "booked_by")
        .prefetch_related("evaluation")
        .order_by("status", "created_at", "pk")
    )


def waitlisted_bookings() -> QuerySet[Booking]:
    """Bookings on a waiting list (staff give one of them a seat)."""
    return Booking.objects.filter(status=BookingStatus.WAITLISTED).select_related("person")


def checkin_list(session: Session) -> QuerySet[Booking]:
    """The confirmed participants of a session by name, for the printed check-in list."""
    return (
        Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
        .select_related("person", "council")
        .order_by("person__last_name", "person__first_name", "person__email")
    )


def event_scores() -> QuerySet[Event]:
    """Average evaluation per event (only events with at least one evaluation)."""
    evaluated = Evaluation.objects.values("booking__session__event")
    return (
        # Only events with evaluations are joined with their bookings: the rest never are.
        Event.objects.filter(pk__in=evaluated)
        .annotate(
            avg_score=Avg("sessions__bookings__evaluation__score"),
            n_evaluations=Count("sessions__bookings__evaluation"),
        )
        .filter(n_evaluations__gt=0)
        .select_related("programme")
        .order_by("title")
    )


def programme_scores() -> QuerySet[Programme]:
    return Programme.objects.annotate(
        avg_score=Avg("events__sessions__bookings__evaluation__score"),
        n_evaluations=Count("events__sessions__bookings__evaluation"),
        n_bookings=Count(
            "events__sessions__bookings",
            filter=Q(events__sessions__bookings__status=BookingStatus.CONFIRMED),
            distinct=True,
        ),
    ).order_by("-start_date")


def linked_session(user, pk: int | None) -> Session | None:
    """The session another app points at (a course's live step), with its event, when the
    user may see that event; None for no session or one the user may not see."""
    if not pk:
        return None
    return (
        Session.objects.filter(event__in=visible_events(user))
        .select_related("event")
        .filter(pk=pk)
        .first()
    )
