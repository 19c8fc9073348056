"""Grow a copy of the demo world a hundredfold, fast: PostgreSQL COPY, no per-row Python save.

Run by bench/bench_pages.py on a database created from the demo world's database as template.
Adds 100,000 people in all, 6,000 councils (with providers, memberships and seats),
10,000 publications (Wagtail pages under the knowledge index, themes, search index), 5,000 events
with sessions and bookings, 200,000 enrolments and 1,000,000 step-progress rows. The demo
accounts keep exactly what the demo world gave them, so their pages show the same personal data
while every list they draw from is a hundred times longer.

Columns not named here get the model field's default, so new fields with defaults need no change.
"""

import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")

PEOPLE = 100_000
COUNCILS = 6_000
PUBLICATIONS = 10_000
EVENTS = 5_000
PROGRESS = 1_000_000
ENROLMENTS_PER_PERSON = 2


def main() -> int:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.db.models import Max
    from django.utils import timezone
    from wagtail.models import Page

    from raadsplein.accounts.models import User
    from raadsplein.events.models import Booking, Event, EventKind, Session
    from raadsplein.knowledge.models import Audience, KnowledgeIndexPage, PublicationPage, Theme
    from raadsplein.knowledge.search import indexing
    from raadsplein.learning.models import Course, Enrolment, Step, StepProgress
    from raadsplein.organisations.models import (
        CareProvider,
        CareSector,
        Council,
        CouncilKind,
        CouncilMembership,
        Province,
        Region,
        Seat,
        SeatRole,
    )

    rng = random.Random(20261201)  # noqa: S311 - reproducible world, not security
    now = timezone.now()
    today = timezone.localdate()
    connection.ensure_connection()
    raw = connection.connection

    def next_id(model) -> int:
        return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def copy(model, rows) -> int:
        """COPY dicts of field name → value into the model's table; unnamed fields get their
        default (auto_now fields: now)."""
        concrete = list(model._meta.local_concrete_fields)
        count = 0
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return 0
        names = set(first)
        use = [f for f in concrete if f.attname in names or not f.primary_key]
        defaults = {}
        for f in use:
            if f.attname in names:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = now
            else:
                defaults[f.attname] = f.get_default()
        cols = ", ".join(connection.ops.quote_name(f.column) for f in use)
        table = connection.ops.quote_name(model._meta.db_table)
        with (
            raw.cursor() as cur,
            cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp,  # noqa: S608 - our names
        ):
            for row in _chain(first, rows):
                values = []
                for f in use:
                    value = row[f.attname] if f.attname in row else defaults[f.attname]
                    values.append(f.get_db_prep_save(value, connection))
                cp.write_row(values)
                count += 1
        return count

    def fix_sequence(model) -> None:
        table = model._meta.db_table
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
                f'(SELECT MAX(id) FROM "{table}"))'
            )

    def log(msg: str, started: float) -> None:
        print(f"   100×: {msg} ({time.monotonic() - started:.1f} s)", flush=True)

    with transaction.atomic():
        # People
        t = time.monotonic()
        first_user = next_id(User)
        n_people = PEOPLE - User.objects.count()
        people = list(range(first_user, first_user + n_people))
        copy(
            User,
            (
                {
                    "id": pk,
                    "password": "!",
                    "email": f"persoon{pk}@bench.invalid",
                    "first_name": "Persoon",
                    "last_name": str(pk),
                    "date_joined": now,
                    "is_active": True,
                }
                for pk in people
            ),
        )
        fix_sequence(User)
        log(f"{n_people} people", t)

        # Providers and councils
        t = time.monotonic()
        first_provider = next_id(CareProvider)
        n_councils = COUNCILS - Council.objects.count()
        n_providers = n_councils * 2 // 3
        providers = list(range(first_provider, first_provider + n_providers))
        copy(
            CareProvider,
            ({"id": pk, "name": f"Zorgaanbieder {pk}"} for pk in providers),
        )
        fix_sequence(CareProvider)
        regions = list(Region.objects.values_list("pk", flat=True))
        provinces = list(Province.values)
        first_council = next_id(Council)
        councils = list(range(first_council, first_council + n_councils))
        kinds = [CouncilKind.CLIENT, CouncilKind.CLIENT, CouncilKind.RELATIVES, CouncilKind.YOUTH]
        copy(
            Council,
            (
                {
                    "id": pk,
                    "provider_id": providers[i % n_providers],
                    "name": f"Cliëntenraad {pk}",
                    "kind": kinds[i % len(kinds)],
                    "province": provinces[i % len(provinces)],
                    "region_id": regions[i % len(regions)] if regions else None,
                }
                for i, pk in enumerate(councils)
            ),
        )
        fix_sequence(Council)
        sectors = list(CareSector.objects.values_list("pk", flat=True))
        through = Council.sectors.through
        copy(
            through,
            (
                {"council_id": pk, "caresector_id": sectors[i % len(sectors)]}
                for i, pk in enumerate(councils)
            ),
        )
        fix_sequence(through)
        copy(
            CouncilMembership,
            (
                {
                    "council_id": pk,
                    "kind": "standard",
                    "status": "active",
                    "start_date": today - datetime.timedelta(days=400),
                }
                for i, pk in enumerate(councils)
                if i % 7  # six in seven are members
            ),
        )
        fix_sequence(CouncilMembership)
        # One seat per new person; the first of each council's people is its chair.
        copy(
            Seat,
            (
                {
                    "person_id": pk,
                    "council_id": councils[i % n_councils],
                    "role": SeatRole.VOORZITTER if i < n_councils else SeatRole.LID,
                    "start_date": today - datetime.timedelta(days=rng.randint(30, 1500)),
                }
                for i, pk in enumerate(people)
            ),
        )
        fix_sequence(Seat)
        log(f"{n_providers} providers, {n_councils} councils, {n_people} seats", t)

        # Publications: Wagtail pages under the knowledge index, paths as treebeard makes them.
        t = time.monotonic()
        index = KnowledgeIndexPage.objects.get()
        last = index.get_last_child()
        alphabet = Page.alphabet
        step = Page.steplen

        def to_path(n: int) -> str:
            out = ""
            for _ in range(step):
                n, r = divmod(n, len(alphabet))
                out = alphabet[r] + out
            return out

        def from_path(s: str) -> int:
            n = 0
            for ch in s:
                n = n * len(alphabet) + alphabet.index(ch)
            return n

        start_pos = from_path(last.path[-step:]) + 1 if last else 1
        n_pubs = PUBLICATIONS - PublicationPage.objects.count()
        first_page = next_id(Page)
        ct = PublicationPage.objects.first().content_type_id
        locale_id = index.locale_id
        sample = list(
            PublicationPage.objects.values("summary", "body", "title").order_by("pk")[:60]
        )
        themes = list(Theme.objects.values_list("pk", flat=True))
        kinds = [k for k, _ in PublicationPage._meta.get_field("kind").choices]
        page_ids = list(range(first_page, first_page + n_pubs))
        page_rows = []
        pub_rows = []
        for i, pk in enumerate(page_ids):
            src = sample[i % len(sample)]
            slug = f"publicatie-{pk}"
            title = f"{src['title']} ({pk})"
            page_rows.append(
                {
                    "id": pk,
                    "path": index.path + to_path(start_pos + i),
                    "depth": index.depth + 1,
                    "numchild": 0,
                    "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "locale_id": locale_id,
                    "title": title,
                    "draft_title": title,
                    "slug": slug,
                    "content_type_id": ct,
                    "live": True,
                    "has_unpublished_changes": False,
                    "url_path": f"{index.url_path}{slug}/",
                    "seo_title": "",
                    "show_in_menus": False,
                    "search_description": "",
                    "first_published_at": now,
                    "last_published_at": now,
                }
            )
            pub_rows.append(
                {
                    "page_ptr_id": pk,
                    "summary": src["summary"],
                    "body": src["body"],
                    "kind": kinds[i % len(kinds)],
                    "audience": Audience.MEMBERS if i % 10 < 7 else Audience.PUBLIC,
                    "published_on": today - datetime.timedelta(days=rng.randint(0, 3000)),
                }
            )
        # Page is a multi-table parent: its own table first, then the publication table.
        copy(Page, page_rows)
        fix_sequence(Page)
        copy(PublicationPage, pub_rows)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + n_pubs)
        pthrough = PublicationPage.themes.through
        copy(
            pthrough,
            (
                {"publicationpage_id": pk, "theme_id": themes[(i * 7 + j) % len(themes)]}
                for i, pk in enumerate(page_ids)
                for j in range(2)
            ),
        )
        fix_sequence(pthrough)
        log(f"{n_pubs} publications", t)

        # Events with sessions and bookings
        t = time.monotonic()
        n_events = EVENTS - Event.objects.count()
        first_event = next_id(Event)
        event_ids = list(range(first_event, first_event + n_events))
        ekinds = [EventKind.COURSE, EventKind.REGIONAL, EventKind.WEBINAR]
        copy(
            Event,
            (
                {
                    "id": pk,
                    "kind": ekinds[i % len(ekinds)],
                    "title": f"Bijeenkomst {pk}",
                    "slug": f"bijeenkomst-{pk}",
                    "summary": "Een bijeenkomst voor cliëntenraden.",
                    "audience": "members" if i % 2 else "open",
                    "status": "published",
                    "region_id": regions[i % len(regions)] if regions else None,
                }
                for i, pk in enumerate(event_ids)
            ),
        )
        fix_sequence(Event)
        ethrough = Event.themes.through
        copy(
            ethrough,
            (
                {"event_id": pk, "theme_id": themes[i % len(themes)]}
                for i, pk in enumerate(event_ids)
            ),
        )
        fix_sequence(ethrough)
        first_session = next_id(Session)
        session_rows = []
        for i, pk in enumerate(event_ids):
            # Three years back to one year ahead: a quarter of them still to come.
            starts = now + datetime.timedelta(days=rng.randint(-1095, 365), hours=rng.randint(0, 8))
            session_rows.append(
                {
                    "id": first_session + i,
                    "event_id": pk,
                    "starts_at": starts,
                    "ends_at": starts + datetime.timedelta(hours=2),
                    "is_online": bool(i % 2),
                    "capacity": 20,
                    "location": "" if i % 2 else "Utrecht",
                }
            )
        copy(Session, session_rows)
        fix_sequence(Session)
        booking_rows = []
        for i, s in enumerate(session_rows):
            for j in range(12):  # 12 of 20 seats taken
                person = people[(i * 12 + j) % n_people]
                booking_rows.append(
                    {
                        "session_id": s["id"],
                        "person_id": person,
                        "council_id": councils[((i * 12 + j) % n_people) % n_councils],
                        "status": "confirmed",
                        "created_at": s["starts_at"] - datetime.timedelta(days=20),
                        "confirmed_at": s["starts_at"] - datetime.timedelta(days=20),
                    }
                )
        copy(Booking, booking_rows)
        fix_sequence(Booking)
        log(f"{n_events} events, {len(session_rows)} sessions, {len(booking_rows)} bookings", t)

        # Learning: enrolments and step progress
        t = time.monotonic()
        courses = list(Course.objects.order_by("pk").values_list("pk", flat=True))
        steps_by_course = {}
        for sid, cid in Step.objects.order_by("module__sort_order", "sort_order").values_list(
            "pk", "module__course_id"
        ):
            steps_by_course.setdefault(cid, []).append(sid)
        courses = [c for c in courses if steps_by_course.get(c)]
        enrol_rows, progress_rows = [], []
        per_person = max(1, PROGRESS // n_people)
        for i, person in enumerate(people):
            mine = [courses[(i + k) % len(courses)] for k in range(ENROLMENTS_PER_PERSON)]
            left = per_person
            for k, course in enumerate(mine):
                steps = steps_by_course[course]
                take = min(len(steps), left if k == len(mine) - 1 else (left + 1) // 2)
                left -= take
                enrol_rows.append(
                    {
                        "person_id": person,
                        "course_id": course,
                        "last_step_id": steps[take - 1] if take else None,
                        "completed_at": now if take == len(steps) else None,
                    }
                )
                for sid in steps[:take]:
                    progress_rows.append({"person_id": person, "step_id": sid, "course_id": course})
        copy(Enrolment, enrol_rows)
        fix_sequence(Enrolment)
        copy(StepProgress, progress_rows)
        fix_sequence(StepProgress)
        log(f"{len(enrol_rows)} enrolments, {len(progress_rows)} progress rows", t)

    # The knowledge centre's own search index for the new publications.
    t = time.monotonic()
    pages = PublicationPage.objects.filter(pk__in=page_ids).prefetch_related(
        "themes", "sectors", "files__document"
    )
    indexing.index_publications(pages.iterator(chunk_size=500), batch_size=500)
    log("search index", t)
    t = time.monotonic()
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    log("ANALYZE", t)
    return 0


def _chain(first, rest):
    yield first
    yield from rest


if __name__ == "__main__":
    sys.exit(main())
