"""Demo Vraagbaak: about 200 made-up questions over the past year, across themes, sectors and
channels — new ones, some overdue, some waiting for the council, answered and closed ones —
three advisors and the standard answers. Texts are in data/helpdesk.yaml; every question's
text starts with "Demo:".

The questions go straight into the tables (no mail goes out, no audit entries for things no
one did), with due moments counted by the same office-hours clock the desk uses. Made once: a
second run leaves the questions as they are and only refreshes the standard answers.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from raadsplein.helpdesk import officehours, pools, satisfaction, sla
from raadsplein.helpdesk.models import (
    AnswerBy,
    CannedAnswer,
    Channel,
    Forward,
    Message,
    MessageKind,
    Question,
    Status,
    StatusChange,
)
from raadsplein.knowledge import services as knowledge_services
from raadsplein.organisations.models import CareSector, Council, Seat

from . import DEMO_DOMAIN, DEMO_PASSWORD, content
from .organisations import _ensure_people

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _canned(data: dict, themes: dict) -> None:
    for spec in data["canned_answers"]:
        CannedAnswer.objects.update_or_create(
            title=spec["title"],
            defaults={"body": spec["body"].strip(), "theme": themes.get(spec.get("theme"))},
        )


def _advisors(data: dict) -> list:
    specs = [(_email(k), p["first_name"], p["last_name"]) for k, p in data["advisors"].items()]
    people = _ensure_people(specs, make_password(DEMO_PASSWORD))
    group = Group.objects.get(name="Adviseurs")
    for person in people.values():
        person.groups.add(group)
    main = get_user_model().objects.get(email=_email("adviseur"))
    return [main, *sorted(people.values(), key=lambda p: p.email)]


def _pools(data: dict) -> dict:
    """The pools and their expert accounts; theme name → pool."""
    password = make_password(DEMO_PASSWORD)
    by_theme = {}
    for spec in data["pools"]:
        pool = pools.create_pool(
            name=spec["name"], slug=spec["slug"], description=spec["description"]
        )
        experts = [(_email(k), p["first_name"], p["last_name"]) for k, p in spec["experts"].items()]
        for person in _ensure_people(experts, password).values():
            pools.add_member(pool=pool, user=person)
        by_theme[spec["theme"]] = pool
    return by_theme


def _forward_open_questions(questions: list, pool_of_theme: dict, note: str) -> int:
    """Open questions on a pool's theme lie with that pool (straight into the table: no mail
    to the demo experts)."""
    rows = [
        Forward(
            question=q,
            pool=pool_of_theme[q.theme.name],
            by=q.assigned_to,
            note=note,
            share_question=True,
            may_answer_council=i % 2 == 0,
            created_at=q.first_response_at,
        )
        for i, q in enumerate(questions)
        if q.theme.name in pool_of_theme and q.status in (Status.OPEN, Status.WAITING)
    ]
    Forward.objects.bulk_create(rows)
    return len(rows)


def _scores(questions: list, scores: list[int], comments: list[str]) -> int:
    """Three in four closed questions got a score from the asker, some with a comment."""
    closed = [q for q in questions if q.status == Status.CLOSED]
    n = 0
    for i, question in enumerate(closed):
        if i % 4 == 3:
            continue
        satisfaction.record_score(
            question=question,
            score=scores[i % len(scores)],
            comment=comments[i % len(comments)] if i % 5 == 0 else "",
            now=question.closed_at + DAY,
            enforce_window=False,
        )
        n += 1
    return n


def _askers() -> list[tuple[object, object]]:
    """(person, council) for the fixed members and the participants, by their first seat."""
    today = timezone.localdate()
    seats = (
        Seat.objects.filter(Seat.current_q(today), person__email__endswith=DEMO_DOMAIN)
        .select_related("person", "council")
        .order_by("person__email", "start_date", "pk")
    )
    seen, pairs = set(), []
    for seat in seats:
        if seat.person_id in seen:
            continue
        seen.add(seat.person_id)
        pairs.append((seat.person, seat.council))
    return pairs


class _Clock:
    """Due moments as ``services.refresh_clock`` sets them, for rows that are not saved yet."""

    def __init__(self, now: datetime.datetime) -> None:
        from django.conf import settings

        self.calendar = officehours.office_calendar()
        self.now = now
        target = settings.VRAAGBAAK_TARGETS["question"]
        day = self.calendar.hours_per_day
        self.first = day * target["first_response"]
        self.solution = day * target["solution"]

    def due(self, start, target, pauses) -> datetime.datetime | None:
        return officehours.run_clock(
            self.calendar, start=start, target=target, pauses=pauses, now=self.now
        ).due

    def later(self, start, hours: float) -> datetime.datetime:
        return self.calendar.add(start, datetime.timedelta(hours=hours))


def _plan(status: str, rng: random.Random, clock: _Clock, now: datetime.datetime) -> dict:
    """When a question of this status was asked and what happened when."""
    cal = clock.calendar
    if status == Status.NEW:
        # The last days; the older ones have gone past their first-response moment.
        created = now - datetime.timedelta(hours=rng.randint(1, 72))
        return {"created": created}
    if status == Status.OPEN:
        # Mostly within the five working days; about one in six has gone past them.
        days = rng.randint(8, 12) if rng.random() < 0.16 else rng.randint(0, 5)
        created = now - datetime.timedelta(days=days, hours=rng.randint(1, 8))
    elif status == Status.WAITING:
        created = now - datetime.timedelta(days=rng.randint(3, 25))
    elif status == Status.ANSWERED:
        created = now - datetime.timedelta(days=rng.randint(4, 40))
    else:
        created = now - datetime.timedelta(days=rng.randint(15, 360), hours=rng.randint(0, 8))
    first = clock.later(cal.next_opening(created), rng.choice([0.5, 1, 2, 3, 5, 7, 10, 14]))
    plan = {"created": created, "first": min(first, now - HOUR)}
    if status == Status.WAITING:
        plan["waiting"] = plan["first"]
    if status in (Status.ANSWERED, Status.CLOSED):
        answered = clock.later(plan["first"], rng.choice([0, 2, 6, 12, 20, 30, 45]))
        plan["answered"] = min(answered, now - HOUR)
    if status == Status.CLOSED:
        plan["closed"] = min(plan["answered"] + DAY * rng.randint(3, 14), now - HOUR)
    return plan


@transaction.atomic
def build(*, log) -> None:
    data = content.load_yaml("helpdesk.yaml")
    names = sorted(
        {q["theme"] for q in data["questions"]}
        | {c["theme"] for c in data["canned_answers"] if c.get("theme")}
    )
    themes = dict(zip(names, knowledge_services.themes_by_name(names), strict=True))
    _canned(data, themes)
    advisors = _advisors(data)
    pool_of_theme = _pools(data)
    if Question.objects.filter(messages__body__startswith="Demo:").exists():
        log("Vraagbaak: de demovragen bestaan al")
        return

    rng = random.Random(12)
    now = timezone.now()
    clock = _Clock(now)
    askers = _askers()
    fixed = {p.email: (p, c) for p, c in askers if not p.email.startswith("deelnemer")}
    others = [(p, c) for p, c in askers if p.email.startswith("deelnemer")]
    statuses = [s for s, n in data["counts"].items() for _ in range(n)]
    rng.shuffle(statuses)
    # The fixed members' own questions come first, so they see each kind on "Mijn vragen".
    own = [
        (fixed.get(_email("lid")), Status.ANSWERED),
        (fixed.get(_email("lid")), Status.WAITING),
        (fixed.get(_email("lid")), Status.CLOSED),
        (fixed.get(_email("voorzitter")), Status.OPEN),
        (fixed.get(_email("voorzitter")), Status.CLOSED),
    ]
    jobs = [(pair, status) for pair, status in own if pair]
    jobs += [(others[i % len(others)], s) for i, s in enumerate(statuses[len(jobs) :])]

    templates, channels = data["questions"], data["channels"]
    sectors = {s.pk: s for s in CareSector.objects.all()}
    sector_of: dict = {}
    through = Council.sectors.through.objects.order_by("pk")
    for council_id, sector_id in through.values_list("council_id", "caresector_id"):
        sector_of.setdefault(council_id, sectors[sector_id])
    questions, plans = [], []
    for i, ((person, council), status) in enumerate(jobs):
        spec = templates[(i * 7) % len(templates)]
        plan = _plan(status, rng, clock, now)
        channel = channels[i % len(channels)]
        by_phone = channel == Channel.PHONE or (i % 11 == 0)
        pauses = [(plan["waiting"], None)] if "waiting" in plan else []
        question = Question(
            channel=channel,
            status=status,
            subject=spec["subject"],
            asker=person,
            asker_email=person.email,
            asker_name=person.get_full_name(),
            council=council,
            share_with_council=i % 2 == 0,
            theme=themes[spec["theme"]],
            sector=sector_of.get(council.pk),
            answer_by=AnswerBy.PHONE if by_phone else AnswerBy.EMAIL,
            phone="06-12345678" if by_phone else "",
            assigned_to=None if status == Status.NEW else advisors[i % len(advisors)],
            created_at=plan["created"],
            first_response_at=plan.get("first"),
            answered_at=plan.get("answered"),
            closed_at=plan.get("closed"),
            first_response_due=None
            if plan.get("first")
            else clock.due(plan["created"], clock.first, pauses),
            solution_due=None
            if status in (Status.ANSWERED, Status.CLOSED)
            else clock.due(plan["created"], clock.solution, pauses),
        )
        sla.record(
            question,
            calendar=clock.calendar,
            pauses=pauses,
            first_target=clock.first,
            solution_target=clock.solution,
        )
        questions.append(question)
        plans.append((plan, spec, i))
    Question.objects.bulk_create(questions)

    messages, changes = [], []
    for question, (plan, spec, i) in zip(questions, plans, strict=True):
        advisor, asker = question.assigned_to, question.asker

        def say(kind, channel, author, body, at, question=question):
            messages.append(
                Message(
                    question=question,
                    kind=kind,
                    channel=channel,
                    author=author,
                    author_email=author.email,
                    body=body,
                    created_at=at,
                )
            )

        def move(old, new, actor, at, question=question):
            changes.append(StatusChange(question=question, old=old, new=new, actor=actor, at=at))

        body = spec["body"].format(raad=question.council.name)
        say(MessageKind.FROM_COUNCIL, question.channel, asker, body, plan["created"])
        move("", Status.NEW, asker, plan["created"])
        if "first" not in plan:
            continue
        move(Status.NEW, Status.OPEN, advisor, plan["first"])
        if i % 3 == 0:
            note = data["notes"][i % len(data["notes"])]
            say(MessageKind.NOTE, Channel.WEB, advisor, note, plan["first"])
        if "waiting" in plan:
            asked_back = plan["waiting"] + datetime.timedelta(minutes=1)
            say(MessageKind.TO_COUNCIL, Channel.EMAIL, advisor, data["ask_back"], asked_back)
            move(Status.OPEN, Status.WAITING, advisor, asked_back)
        if "answered" in plan:
            by_phone = question.answer_by == AnswerBy.PHONE
            channel = Channel.PHONE if by_phone else Channel.EMAIL
            say(MessageKind.TO_COUNCIL, channel, advisor, spec["answer"], plan["answered"])
            move(Status.OPEN, Status.ANSWERED, advisor, plan["answered"])
            if i % 4 == 1:
                thanks = data["council_replies"][i % len(data["council_replies"])]
                later = plan["answered"] + datetime.timedelta(hours=3)
                say(MessageKind.FROM_COUNCIL, Channel.EMAIL, asker, thanks, later)
        if "closed" in plan:
            move(Status.ANSWERED, Status.CLOSED, advisor, plan["closed"])
    Message.objects.bulk_create(messages)
    StatusChange.objects.bulk_create(changes)
    forwarded = _forward_open_questions(questions, pool_of_theme, data["pool_note"])
    scored = _scores(questions, data["scores"], data["score_comments"])
    log(
        f"Vraagbaak: {len(questions)} demovragen, {len(messages)} berichten, "
        f"{forwarded} bij een expertpool, {scored} met een score"
    )
