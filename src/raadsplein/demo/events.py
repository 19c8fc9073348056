"""Demo agenda: courses from the annual report, regional meetings in every region, a congress,
campfire talks, intervision, and a Week van de Medezeggenschap of 65 workshops. Dates are
relative to the day the demo is built; everything is labelled as demo."""

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

from . import DEMO_DOMAIN

DEMO_NOTE = "(Demo: deze activiteit is verzonnen.)"
MEET = "https://meet.demo.raadsplein.nl/"

THEMES = [
    "Invoering Wmcz 2018",
    "Samenwerken binnen de organisatie",
    "Zoeken naar passende medezeggenschap",
    "In contact staan",
    "Het werk van de raad",
    "Geld en begroting",
    "Leden werven",
    "Mantelzorg",
]

COURSES = [
    # title, theme, sectors, online
    ("Basiscursus medezeggenschap (Wmcz 2018)", "Invoering Wmcz 2018", [], True),
    ("Voorzitterscursus", "Het werk van de raad", [], True),
    ("Welkom in de cliëntenraad", "Het werk van de raad", [], True),
    ("Verdiepingscursus rechten van de cliëntenraad", "Invoering Wmcz 2018", [], False),
    ("Verdiepingscursus bovenwettelijke afspraken", "Invoering Wmcz 2018", [], True),
    ("Het huishoudboekje van de instelling", "Geld en begroting", [], True),
    ("Geld voor zorg in de thuiszorg", "Geld en begroting", ["thuiszorg"], True),
    ("Werven nieuwe leden", "Leden werven", [], True),
    ("Positie van de mantelzorger", "Mantelzorg", ["ouderenzorg", "gehandicaptenzorg"], False),
    ("Cliëntenraad en teambuilding", "Samenwerken binnen de organisatie", [], False),
]

REGIONAL_PLACES = {
    "noord": "Wijkcentrum De Schakel, Assen",
    "oost": "Zalencentrum De Hoven, Deventer",
    "midden": "Vergadercentrum Domstad, Utrecht",
    "noord-west": "Buurthuis Het Spaarne, Haarlem",
    "zuid-west": "Ontmoetingscentrum De Vliet, Leiden",
    "zuid": "Zalen De Kempen, Eindhoven",
}

WEEK_SLOTS = [(10, 0, 11, 0), (11, 30, 12, 30), (13, 30, 14, 30), (15, 0, 16, 0), (19, 30, 20, 30)]
WEEK_TOPICS = [
    "Visie op medezeggenschap",
    "De medezeggenschapsregeling in de praktijk",
    "Adviesrecht en instemmingsrecht",
    "Ongevraagd advies geven",
    "Samen optrekken met de raad van bestuur",
    "In gesprek met de raad van toezicht",
    "De cliëntenraad en de ondernemingsraad",
    "Medezeggenschap in de wijk",
    "Cliëntenraden jeugd",
    "Medezeggenschap in de ggz",
    "Je achterban raadplegen",
    "Nieuwsbrief en website van de raad",
    "Lastige gesprekken voeren",
    "Werken met een ambtelijk secretaris",
    "De jaarrekening lezen",
    "De begroting bespreken",
    "Nieuwe leden vinden en houden",
    "Mantelzorgers betrekken",
    "Kwaliteitskader en de raad",
    "Wet zorg en dwang: het goede gesprek",
    "Huisvesting en nieuwbouw",
    "De inspectie en de cliëntenraad",
    "Het zorgkantoor en de cliëntenraad",
    "Geschillen en de LCvV",
    "Jaarplan van de raad maken",
]
WEEK_DAY_THEMES = [
    "Invoering Wmcz 2018",
    "Samenwerken binnen de organisatie",
    "Zoeken naar passende medezeggenschap",
    "In contact staan",
    "Het werk van de raad",
]
WORKSHOPS_PER_DAY = 13


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
    today = timezone.localdate()
    themes = dict(zip(THEMES, knowledge_services.themes_by_name(list(THEMES)), strict=True))
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
    for i, (title, theme, sector_codes, online) in enumerate(COURSES):
        event = _event(
            slugify(title),
            kind=EventKind.COURSE,
            title=title,
            summary=f"Cursus voor raadsleden. {DEMO_NOTE}",
            description=(
                "In deze cursus werkt u met andere raadsleden aan een onderwerp uit de praktijk "
                "van de cliëntenraad. De trainer is een adviseur met ervaring in medezeggenschap."
                f"\n\n{DEMO_NOTE}"
            ),
            audience=Audience.MEMBERS,
            host="Adviseur Raadsplein (demo)",
            accessibility=(
                "Online: u doet mee met beeld en geluid; ondertiteling op verzoek."
                if online
                else "De zaal is rolstoeltoegankelijk en heeft een ringleiding."
            ),
            themes=[themes[theme]],
            sectors=[sectors[c] for c in sector_codes if c in sectors],
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
                    "location": "" if online else "Vergadercentrum Domstad, Utrecht (demo)",
                    "meeting_url": f"{MEET}{event.slug}-{k + 1}" if online else "",
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
    for k, (slug, place) in enumerate(sorted(REGIONAL_PLACES.items())):
        region = regions.get(slug)
        if region is None:
            continue
        event = _event(
            f"regiobijeenkomst-{slug}",
            kind=EventKind.REGIONAL,
            title=f"Regiobijeenkomst {region.name}",
            summary=f"Raden uit de regio {region.name} ontmoeten elkaar. {DEMO_NOTE}",
            description=(
                "Wissel ervaringen uit met raden bij u in de buurt: wat speelt er, wat werkt, "
                f"wat kunnen we samen oppakken?\n\n{DEMO_NOTE}"
            ),
            audience=Audience.MEMBERS,
            region=region,
            host="Regiocoördinator (demo)",
            accessibility=(
                "Rolstoeltoegankelijk, met ringleiding. Meld andere wensen bij het boeken."
            ),
            themes=[themes["In contact staan"]],
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
    others = [
        (
            "landelijk-congres-clientenraden",
            EventKind.CONGRESS,
            "Landelijk congres cliëntenraden",
            Audience.OPEN,
            False,
            60,
            200,
            "Jaarbeurs Congrescentrum, Utrecht (demo)",
            6,
        ),
        (
            "webinar-het-speelveld-van-de-clientenraad",
            EventKind.WEBINAR,
            "Het speelveld van de cliëntenraad (webinar)",
            Audience.OPEN,
            True,
            30,
            500,
            "",
            1,
        ),
        (
            "kampvuurgesprek-waardevolle-zorg",
            EventKind.CAMPFIRE,
            "Kampvuurgesprek: waardevolle zorg",
            Audience.MEMBERS,
            False,
            25,
            12,
            "Landgoed De Horst, Driebergen (demo)",
            3,
        ),
        (
            "intervisie-voorzitters",
            EventKind.INTERVISION,
            "Intervisie voor voorzitters",
            Audience.MEMBERS,
            True,
            18,
            8,
            "",
            2,
        ),
    ]
    for slug, kind, title, audience, online, days_ahead, cap, place, hours in others:
        event = _event(
            slug,
            kind=kind,
            title=title,
            summary=f"{EventKind(kind).label} voor cliëntenraden. {DEMO_NOTE}",
            description=f"Een {EventKind(kind).label.lower()} voor raadsleden.\n\n{DEMO_NOTE}",
            audience=audience,
            host="Raadsplein (demo)",
            themes=[themes["Het werk van de raad"]],
        )
        start = _aware(today + datetime.timedelta(days=days_ahead), 10 if not online else 15)
        n_sessions += len(
            _sessions(
                event,
                [
                    {
                        "starts_at": start,
                        "ends_at": start + datetime.timedelta(hours=hours),
                        "is_online": online,
                        "location": place,
                        "meeting_url": f"{MEET}{slug}" if online else "",
                        "capacity": cap,
                    }
                ],
            )
        )

    # The Week van de Medezeggenschap: Monday to Friday, 13 online workshops a day.
    monday = _week_monday(today)
    week, _ = Programme.objects.update_or_create(
        slug=f"week-van-de-medezeggenschap-{monday.year}",
        defaults={
            "title": f"Week van de Medezeggenschap {monday.year}",
            "description": (
                "Vijf dagen online workshops over alle kanten van medezeggenschap, met partners "
                "als de inspectie en zorgkantoren. Elke dag een eigen thema. Stel uw eigen "
                f"programma samen; opnames zijn na afloop voor leden te zien.\n\n{DEMO_NOTE}"
            ),
            "start_date": monday,
            "end_date": monday + datetime.timedelta(days=4),
        },
    )
    n_workshops = 0
    for d in range(5):
        day = monday + datetime.timedelta(days=d)
        for w in range(WORKSHOPS_PER_DAY):
            topic = WEEK_TOPICS[(d * WORKSHOPS_PER_DAY + w) % len(WEEK_TOPICS)]
            h1, m1, h2, m2 = WEEK_SLOTS[w % len(WEEK_SLOTS)]
            slug = f"week-{monday.year}-{d + 1}-{w + 1:02d}"
            event = _event(
                slug,
                kind=EventKind.WORKSHOP,
                title=topic,
                summary=f"Workshop in de Week van de Medezeggenschap. {DEMO_NOTE}",
                description=(
                    f"Een online workshop van een uur met ruimte voor vragen.\n\n{DEMO_NOTE}"
                ),
                audience=Audience.MEMBERS,
                programme=week,
                host=f"Workshopleider {w + 1} (demo)",
                accessibility="Online, met automatische ondertiteling.",
                themes=[themes[WEEK_DAY_THEMES[d]]],
            )
            _sessions(
                event,
                [
                    {
                        "starts_at": _aware(day, h1, m1),
                        "ends_at": _aware(day, h2, m2),
                        "is_online": True,
                        "meeting_url": f"{MEET}{slug}",
                        "capacity": 25 if w % 4 == 3 else 45,
                    }
                ],
            )
            n_workshops += 1
    n_past = _past_week(monday, themes, participants, seat_council)
    log(
        f"events: {len(COURSES)} courses, {len(REGIONAL_PLACES)} regional meetings, "
        f"{n_sessions} sessions, Week {monday:%d-%m-%Y} with {n_workshops} workshops, "
        f"last year's Week with {n_past} recorded workshops"
    )


PAST_SCORES = [8, 7, 9, 8, 7, 8, 8, 7, 9, 7]  # averages 7.8, as the seeds report for 2020


def _past_week(monday: datetime.date, themes: dict, participants: list, councils: dict) -> int:
    """Last year's Week: five workshops with attendance, evaluations and recordings."""
    last = _next_weekday(datetime.date(monday.year - 1, 10, 1), 0)
    week, _ = Programme.objects.update_or_create(
        slug=f"week-van-de-medezeggenschap-{last.year}",
        defaults={
            "title": f"Week van de Medezeggenschap {last.year}",
            "description": (
                f"De Week van vorig jaar. Leden kunnen de opnames terugkijken.\n\n{DEMO_NOTE}"
            ),
            "start_date": last,
            "end_date": last + datetime.timedelta(days=4),
        },
    )
    for d in range(5):
        slug = f"week-{last.year}-{d + 1}-01"
        event = _event(
            slug,
            kind=EventKind.WORKSHOP,
            title=WEEK_TOPICS[d * 3],
            summary=f"Workshop in de Week van vorig jaar. {DEMO_NOTE}",
            audience=Audience.MEMBERS,
            programme=week,
            host="Workshopleider (demo)",
            themes=[themes[WEEK_DAY_THEMES[d]]],
        )
        start = _aware(last + datetime.timedelta(days=d), 10)
        (session,) = _sessions(
            event,
            [
                {
                    "starts_at": start,
                    "ends_at": start + datetime.timedelta(hours=1),
                    "is_online": True,
                    "meeting_url": f"{MEET}{slug}",
                    "capacity": 45,
                    "recording_url": f"https://video.demo.raadsplein.nl/{slug}",
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
            Evaluation(booking=b, score=PAST_SCORES[i % len(PAST_SCORES)])
            for i, b in enumerate(session.bookings.order_by("pk"))
        )
    return 5
