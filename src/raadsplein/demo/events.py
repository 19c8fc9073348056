"""Demo agenda: courses from the annual report, regional meetings in every region, a congress,
campfire talks, intervision, and a Week van de Medezeggenschap of 65 workshops. Dates are
relative to the day the demo is built; everything is labelled as demo. Texts, places and
topics are in data/events.yaml."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from raadsplein.events.models import (
    Audience,
    Booking,
    BookingStatus,
    Evaluation,
    Event,
    EventKind,
    Programme,
    Session,
)
from raadsplein.knowledge import services as knowledge_services
from raadsplein.organisations.models import CareSector, Region, Seat

from . import DEMO_DOMAIN, content


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _next_weekday(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _week_monday(today: datetime.date) -> datetime.date:
    """The Week is held in early October (5–9 October in 2020): the first Monday of October
    that is at least four weeks away, so that the demo Week can still be booked."""
    year = today.year
    while True:
        monday = _next_weekday(datetime.date(year, 10, 1), 0)
        if monday >= today + datetime.timedelta(days=28):
            return monday
        year += 1


def _event(slug: str, **fields) -> Event:
    themes = fields.pop("themes", [])
    sectors = fields.pop("sectors", [])
    event, _ = Event.objects.update_or_create(slug=slug, defaults=fields)
    event.themes.set(themes)
    event.sectors.set(sectors)
    return event


def _sessions(event: Event, specs: list[dict]) -> list[Session]:
    """Create the sessions the first time; keep them (and their bookings) afterwards."""
    existing = list(event.sessions.all())
    if existing:
        return existing
    return [Session.objects.create(event=event, **spec) for spec in specs]


def _fill(session: Session, people: list, councils: dict, *, confirmed: int, waiting: int) -> None:
    """Demo bookings straight into the table (no e-mail), only for an empty session; at most
    the session's cap per council."""
    if session.bookings.exists():
        return
    now = timezone.now()
    rows = []
    per_council: dict = {}
    chosen = []
    for person in people:
        council_id = councils.get(person.pk)
        if session.per_council_cap and per_council.get(council_id, 0) >= session.per_council_cap:
            continue
        per_council[council_id] = per_council.get(council_id, 0) + 1
        chosen.append(person)
        if len(chosen) == confirmed + waiting:
            break
    for i, person in enumerate(chosen):
        status = BookingStatus.CONFIRMED if i < confirmed else BookingStatus.WAITLISTED
        rows.append(
            Booking(
                session=session,
                person=person,
                booked_by=person,
                council_id=councils.get(person.pk),
                status=status,
                created_at=now - datetime.timedelta(minutes=500 - i),
                confirmed_at=now if status == BookingStatus.CONFIRMED else None,
            )
        )
    Booking.objects.bulk_create(rows)


@transaction.atomic
def build(*, log) -> None:
    data = content.load_yaml("events.yaml")
    note, meet = data["note"], data["meeting_url"]
    today = timezone.localdate()
    names = data["themes"]
    themes = dict(zip(names, knowledge_services.themes_by_name(list(names)), strict=True))
    sectors = {s.code: s for s in CareSector.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    users = get_user_model().objects
    participants = list(
        users.filter(email__startswith="deelnemer", email__endswith=DEMO_DOMAIN).order_by("email")
    )
    seat_council = dict(
        Seat.objects.filter(person__in=participants)
        .order_by("start_date")
        .values_list("person_id", "council_id")
    )

    # Courses: three dates each over the coming months, online in groups of 8.
    n_sessions = 0
    texts = data["course_texts"]
    for i, spec in enumerate(data["courses"]):
        online = spec["online"]
        event = _event(
            slugify(spec["title"]),
            kind=EventKind.COURSE,
            title=spec["title"],
            summary=texts["summary"].format(note=note),
            description=texts["description"].format(note=note),
            audience=Audience.MEMBERS,
            host=texts["host"],
            accessibility=texts["accessibility_online" if online else "accessibility_venue"],
            themes=[themes[spec["theme"]]],
            sectors=[sectors[c] for c in spec.get("sectors", []) if c in sectors],
        )
        specs = []
        for k in range(3):
            day = _next_weekday(today + datetime.timedelta(days=10 + 21 * k + 2 * i), (i + k) % 5)
            start = _aware(day, 19 if online else 10, 30 if online else 0)
            specs.append(
                {
                    "starts_at": start,
                    "ends_at": start + datetime.timedelta(hours=2 if online else 4),
                    "is_online": online,
                    "location": "" if online else texts["venue"],
                    "meeting_url": f"{meet}{event.slug}-{k + 1}" if online else "",
                    "capacity": 8 if online else 16,
                    "per_council_cap": 2,
                    "cancel_until": start - datetime.timedelta(days=2),
                }
            )
        sessions = _sessions(event, specs)
        n_sessions += len(sessions)
        # The first dates of the first two courses are full, with a waiting list.
        if i < 2:
            _fill(sessions[0], participants[i * 40 :], seat_council, confirmed=8, waiting=3)

    # Regional meetings in every region.
    texts = data["regional_texts"]
    for k, (slug, place) in enumerate(sorted(data["regional_places"].items())):
        region = regions.get(slug)
        if region is None:
            continue
        event = _event(
            f"regiobijeenkomst-{slug}",
            kind=EventKind.REGIONAL,
            title=texts["title"].format(region=region.name),
            summary=texts["summary"].format(region=region.name, note=note),
            description=texts["description"].format(note=note),
            audience=Audience.MEMBERS,
            region=region,
            host=texts["host"],
            accessibility=texts["accessibility"],
            themes=[themes[texts["theme"]]],
        )
        start = _aware(_next_weekday(today + datetime.timedelta(days=14 + 7 * k), 1), 14)
        n_sessions += len(
            _sessions(
                event,
                [
                    {
                        "starts_at": start,
                        "ends_at": start + datetime.timedelta(hours=3),
                        "location": f"{place} (demo)",
                        "capacity": 40,
                        "per_council_cap": 3,
                    }
                ],
            )
        )

    # One-off kinds: congress, webinar (open to everyone), campfire talk, intervision.
    texts = data["other_texts"]
    for spec in data["others"]:
        slug, online, label = spec["slug"], spec["online"], EventKind(spec["kind"]).label
        event = _event(
            slug,
            kind=spec["kind"],
            title=spec["title"],
            summary=texts["summary"].format(kind=label, note=note),
            description=texts["description"].format(kind_lower=label.lower(), note=note),
            audience=spec["audience"],
            host=texts["host"],
            themes=[themes[texts["theme"]]],
        )
        day = today + datetime.timedelta(days=spec["days_ahead"])
        start = _aware(day, 10 if not online else 15)
        n_sessions += len(
            _sessions(
                event,
                [
                    {
                        "starts_at": start,
                        "ends_at": start + datetime.timedelta(hours=spec["hours"]),
                        "is_online": online,
                        "location": spec["place"],
                        "meeting_url": f"{meet}{slug}" if online else "",
                        "capacity": spec["capacity"],
                    }
                ],
            )
        )

    # The Week van de Medezeggenschap: Monday to Friday, 13 online workshops a day.
    texts = data["week"]
    monday = _week_monday(today)
    week, _ = Programme.objects.update_or_create(
        slug=f"week-van-de-medezeggenschap-{monday.year}",
        defaults={
            "title": texts["title"].format(year=monday.year),
            "description": texts["description"].format(note=note),
            "start_date": monday,
            "end_date": monday + datetime.timedelta(days=4),
        },
    )
    per_day, topics, slots = texts["workshops_per_day"], texts["topics"], texts["slots"]
    if len(set(topics)) < 5 * per_day:
        raise ValueError(f"events.yaml: the Week needs {5 * per_day} different workshop topics")
    workshop = texts["workshop"]
    n_workshops = 0
    for d in range(5):
        day = monday + datetime.timedelta(days=d)
        for w in range(per_day):
            h1, m1, h2, m2 = slots[w % len(slots)]
            slug = f"week-{monday.year}-{d + 1}-{w + 1:02d}"
            event = _event(
                slug,
                kind=EventKind.WORKSHOP,
                title=topics[d * per_day + w],
                summary=workshop["summary"].format(note=note),
                description=workshop["description"].format(note=note),
                audience=Audience.MEMBERS,
                programme=week,
                host=workshop["host"].format(number=w + 1),
                accessibility=workshop["accessibility"],
                themes=[themes[texts["day_themes"][d]]],
            )
            _sessions(
                event,
                [
                    {
                        "starts_at": _aware(day, h1, m1),
                        "ends_at": _aware(day, h2, m2),
                        "is_online": True,
                        "meeting_url": f"{meet}{slug}",
                        "capacity": 25 if w % 4 == 3 else 45,
                    }
                ],
            )
            n_workshops += 1
    n_past = _past_week(data, monday, themes, participants, seat_council)
    log(
        f"events: {len(data['courses'])} courses, {len(data['regional_places'])} regional "
        f"meetings, {n_sessions} sessions, Week {monday:%d-%m-%Y} with {n_workshops} workshops, "
        f"last year's Week with {n_past} recorded workshops"
    )


def _past_week(
    data: dict, monday: datetime.date, themes: dict, participants: list, councils: dict
) -> int:
    """Last year's Week: five workshops with attendance, evaluations and recordings."""
    note, texts, scores = data["note"], data["past_week"], data["past_week"]["scores"]
    last = _next_weekday(datetime.date(monday.year - 1, 10, 1), 0)
    week, _ = Programme.objects.update_or_create(
        slug=f"week-van-de-medezeggenschap-{last.year}",
        defaults={
            "title": data["week"]["title"].format(year=last.year),
            "description": texts["description"].format(note=note),
            "start_date": last,
            "end_date": last + datetime.timedelta(days=4),
        },
    )
    for d in range(5):
        slug = f"week-{last.year}-{d + 1}-01"
        event = _event(
            slug,
            kind=EventKind.WORKSHOP,
            title=data["week"]["topics"][d * 3],
            summary=texts["summary"].format(note=note),
            audience=Audience.MEMBERS,
            programme=week,
            host=texts["host"],
            themes=[themes[data["week"]["day_themes"][d]]],
        )
        start = _aware(last + datetime.timedelta(days=d), 10)
        (session,) = _sessions(
            event,
            [
                {
                    "starts_at": start,
                    "ends_at": start + datetime.timedelta(hours=1),
                    "is_online": True,
                    "meeting_url": f"{data['meeting_url']}{slug}",
                    "capacity": 45,
                    "recording_url": f"{data['recording_url']}{slug}",
                }
            ],
        )
        if session.bookings.exists():
            continue
        people = participants[d * 10 : d * 10 + 10]
        Booking.objects.bulk_create(
            Booking(
                session=session,
                person=p,
                booked_by=p,
                council_id=councils.get(p.pk),
                status=BookingStatus.CONFIRMED,
                attended=True,
                created_at=start - datetime.timedelta(days=14),
                confirmed_at=start - datetime.timedelta(days=14),
            )
            for p in people
        )
        Evaluation.objects.bulk_create(
            Evaluation(booking=b, score=scores[i % len(scores)])
            for i, b in enumerate(session.bookings.order_by("pk"))
        )
    return 5
