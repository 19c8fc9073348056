"""Demo Raadswerk: the workspaces of the demo councils of ``lid@``, ``voorzitter@`` and
``ondersteuner@`` (the "home" council and the "second" one, demo/organisations.py).

Each gets the settings of its participation scheme and three versions of its text (by
different authors, with a comment), two years of meetings (about monthly: the past ones with
agendas, minutes, decisions and actions — some open, some overdue — and two to come, one with
its agenda sent), Wmcz trajectories in every kind and every state (one consent the board
decided without, so the nullity box shows; open ones with deadlines near and far, one late),
a shared vacancy with two made-up candidates, a dozen achterban contacts, this year's plan and
last year's annual report, and a few tiny PDF documents. voorzitter@'s council lets
``adviseur@`` in for 60 days.

Texts are data in ``data/councilwork/``. Trajectories go through the core services
(``create_trajectory``, ``record_step``), the advisor's access through
``grant_advisor_access``, files through ``documents.store_document``; the rest (dated in the
past, nothing to mail) goes straight into the tables, in bulk. Each part is made once per
council: a second run adds nothing. The same world every time: a fixed random seed, dates
counted from the day of the build.

``councilwork_records.add_records`` fills one council with many records fast, for the
benchmark and the query-count tests (bench/bench_councilwork.py).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from raadsplein.audit.services import person_label
from raadsplein.councilwork import diff, documents, letters, scheme, services
from raadsplein.councilwork.models import (
    ActionItem,
    AdvisorAccess,
    AgendaItem,
    AnnualReport,
    Candidate,
    ConstituencyContact,
    Decision,
    Kind,
    LegalSubject,
    Letter,
    Meeting,
    MeetingNotice,
    SchemeComment,
    SchemeSettings,
    SchemeVersion,
    Trajectory,
    TrajectoryStep,
    Vacancy,
    YearPlan,
    YearPlanTopic,
)
from raadsplein.organisations.models import Council, Seat, SeatRole

from . import DEMO_DOMAIN, content
from .councilwork_records import tiny_pdf

DAY = datetime.timedelta(days=1)
FIXED = ("voorzitter", "lid", "ondersteuner")


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _data(name: str):
    return content.load_yaml(f"councilwork/{name}.yaml")


def _aware(day: datetime.date, hour: int = 12, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@dataclass
class _Council:
    """One demo council and the people the builder writes as."""

    key: str
    council: Council
    rng: random.Random
    seats: list = field(default_factory=list)
    fixed: dict = field(default_factory=dict)  # "voorzitter"/"lid"/"ondersteuner" → person

    @property
    def people(self) -> list:
        return [seat.person for seat in self.seats]

    @property
    def chair(self):
        officers = self.council.officer_role_set()
        for seat in self.seats:
            if seat.role == SeatRole.VOORZITTER:
                return seat.person
        return next((s.person for s in self.seats if s.role in officers), self.seats[0].person)

    def author(self, role: str):
        """The demo account of that role on this council, else the chair."""
        if role == "voorzitter":
            return self.chair
        return self.fixed.get(role) or self.chair


def _demo_councils(today: datetime.date) -> list[_Council]:
    """The councils the fixed accounts sit on: voorzitter@'s one is "home", the other one of
    lid@ and ondersteuner@ "second"."""
    User = get_user_model()
    fixed = {u.email: u for u in User.objects.filter(email__in=[_email(k) for k in FIXED])}
    seats = list(
        Seat.objects.filter(Seat.current_q(today), person__in=fixed.values())
        .select_related("council__provider")
        .order_by("council_id", "pk")
    )
    chair = fixed.get(_email("voorzitter"))
    councils = sorted({s.council for s in seats}, key=lambda c: c.pk)
    home = next((s.council for s in seats if s.person == chair), None)
    ordered = ([home] if home else []) + [c for c in councils if c != home]
    out = []
    for index, council in enumerate(ordered[:2]):
        holders = list(
            Seat.objects.filter(Seat.current_q(today), council=council)
            .select_related("person")
            .order_by("pk")
        )
        mine = {
            key: person
            for key in FIXED
            if (person := fixed.get(_email(key))) and any(s.person == person for s in holders)
        }
        if holders:
            out.append(
                _Council(
                    key="home" if index == 0 and home else "second",
                    council=council,
                    rng=random.Random(2026 + index),  # noqa: S311 - demo data, not security
                    seats=holders,
                    fixed=mine,
                )
            )
    return out


# --- the scheme -------------------------------------------------------------------------------


def _scheme_settings(c: _Council, data: dict) -> None:
    if not SchemeSettings.objects.filter(council=c.council).exists():
        SchemeSettings.objects.create(council=c.council, updated_by=c.chair, **data["settings"])


def _fill_names(text: str, council: Council) -> str:
    # Plain replacement, never a template: the names are data.
    return text.replace("{raad}", council.name).replace("{aanbieder}", council.provider.name)


def _paragraph_number(text: str, starts: str) -> int | None:
    """The place (from 1) of the paragraph that starts so, as the scheme's pages count them."""
    blocks = diff.paragraphs(text)
    return next((i for i, b in enumerate(blocks, start=1) if b.startswith(starts)), None)


def _scheme_versions(c: _Council, data: dict, today: datetime.date) -> int:
    if SchemeVersion.objects.filter(council=c.council).exists():
        return 0
    text = _fill_names(
        content.DATA_DIR.joinpath("councilwork/scheme_v1.txt").read_text(encoding="utf-8"),
        c.council,
    )
    versions = {}
    for spec in data["versions"]:
        for change in spec["changes"]:
            text = text.replace(change["find"], change["replace"], 1)
        author = c.author(spec["author"])
        versions[spec["number"]] = SchemeVersion(
            council=c.council,
            number=spec["number"],
            text=text.strip() + "\n",
            note=spec["note"],
            author=author,
            author_label=person_label(author),
            created_at=_aware(today - spec["days_ago"] * DAY, 10, 30),
        )
    SchemeVersion.objects.bulk_create(versions.values())
    for spec in data.get("comments", []):
        version = versions[spec["version"]]
        paragraph = _paragraph_number(version.text, spec["article"])
        author = c.author(spec["author"])
        SchemeComment.objects.create(
            version=version,
            passage=scheme.passage_of(diff.paragraphs(version.text)[paragraph - 1]),
            paragraph=paragraph,
            body=spec["body"],
            author=author,
            author_label=person_label(author),
            created_at=version.created_at + 2 * DAY,
        )
    return len(versions)


# --- trajectories -----------------------------------------------------------------------------


def _trajectories(c: _Council, data: dict, today: datetime.date) -> list[Trajectory]:
    """The council's trajectories through the core services, step by step, dated back."""
    existing = list(Trajectory.objects.filter(council=c.council).order_by("received", "pk"))
    if existing:
        return existing
    subjects = {s.code: s for s in LegalSubject.objects.all()}
    long_term = bool(c.council.provider.provides_long_term_care)
    made = []
    for spec in data["trajectories"]:
        if spec["council"] != c.key:
            continue
        subject = subjects.get(spec.get("subject") or "")
        if subject is not None and subject.long_term_care_only and not long_term:
            subject = None
        received = today - spec["received"] * DAY
        requested = spec.get("deadline")
        trajectory = services.create_trajectory(
            council=c.council,
            kind=spec["kind"],
            title=spec["title"],
            question=spec.get("question", ""),
            received=received,
            deadline=received + requested * DAY if requested else None,
            subject=subject,
            by=c.chair,
        )
        for state, day, note, *extra in spec["steps"]:
            extra = extra[0] if extra else {}
            on = min(received + day * DAY, today)
            learned = extra.get("learned")
            services.record_step(
                trajectory=trajectory,
                state=state,
                on=on,
                note=note,
                by=c.chair,
                outcome=extra.get("outcome", ""),
                decided_without_consent=bool(extra.get("without_consent")),
                council_learned_on=min(received + learned * DAY, today) if learned else None,
            )
        if spec.get("document"):
            documents.store_document(
                council=c.council,
                name=spec["document"],
                title=spec["document"].removesuffix(".pdf"),
                data=tiny_pdf(spec["title"], [spec.get("question", "")[:90], "(Demodocument)"]),
                trajectory=trajectory,
                by=c.chair,
            )
        made.append(trajectory)
    # Dated as they happened, not as the builder ran.
    for trajectory in made:
        Trajectory.objects.filter(pk=trajectory.pk).update(created_at=_aware(trajectory.received))
    steps = list(TrajectoryStep.objects.filter(trajectory__in=made))
    for step in steps:
        step.created_at = _aware(step.on, 11)
    TrajectoryStep.objects.bulk_update(steps, ["created_at"])
    return list(Trajectory.objects.filter(council=c.council).order_by("received", "pk"))


def _letters(c: _Council, data: dict) -> int:
    """The letters the council made for its trajectories, from the editors' model letters."""
    if Letter.objects.filter(council=c.council).exists():
        return 0
    by_title = {t.title: t for t in Trajectory.objects.filter(council=c.council)}
    made = 0
    for spec in data["trajectories"]:
        trajectory = by_title.get(spec["title"]) if spec["council"] == c.key else None
        for kind, day in spec.get("letters", []) if trajectory else []:
            template = letters.live_templates(kind).first()
            if template is None:
                continue
            subject_line, body = letters.filled(template, council=c.council, trajectory=trajectory)
            letter = letters.create_letter(
                council=c.council,
                by=c.chair,
                template=template,
                subject_line=subject_line,
                body=body,
                trajectory=trajectory,
            )
            Letter.objects.filter(pk=letter.pk).update(
                created_at=_aware(trajectory.received + day * DAY, 15)
            )
            made += 1
    return made


# --- meetings ---------------------------------------------------------------------------------


def _tuesday_before(day: datetime.date, weekday: int) -> datetime.date:
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


def _tuesday_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _meetings(c: _Council, data: dict, trajectories: list[Trajectory], today) -> int:
    """Two years of meetings with their agendas, minutes, decisions and actions, in bulk."""
    if Meeting.objects.filter(council=c.council).exists():
        return 0
    rng, wd, hour = c.rng, data["weekday"], data["start_hour"]
    days = [_tuesday_before(today - (14 + 30 * k) * DAY, wd) for k in range(data["past_meetings"])]
    days.reverse()  # oldest first
    upcoming = [_tuesday_after(today + spec["in_days"] * DAY, wd) for spec in data["upcoming"]]
    sent_flags = [False] * len(days) + [spec["agenda_sent"] for spec in data["upcoming"]]
    meetings = []
    for n, day in enumerate(days + upcoming):
        board = n % 3 == 2
        starts = _aware(day, hour)
        past = day < today
        sent = past or sent_flags[n]
        online = data["locations"][n % len(data["locations"])].startswith("Online")
        meetings.append(
            Meeting(
                council=c.council,
                title=data["titles"]["board" if board else "regular"],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=data["hours"]),
                location=data["locations"][n % len(data["locations"])],
                online_url=data["online_url"] if online else "",
                agenda_revision=1 if sent else 0,
                # Past agendas went out 8 days ahead; the one to come, yesterday.
                agenda_sent_at=(starts - 8 * DAY if past else timezone.now() - DAY)
                if sent
                else None,
                minutes=data["minutes"].strip() if past else "",
                created_by=c.chair,
                created_at=starts - 21 * DAY,
            )
        )
    for n, meeting in enumerate(meetings):
        nxt = meetings[n + 1] if n + 1 < len(meetings) else None
        if meeting.minutes and nxt is not None and nxt.starts_at.date() < today:
            meeting.minutes_approved_on = timezone.localtime(nxt.starts_at).date()
    Meeting.objects.bulk_create(meetings)

    items, topic_turn = [], 0
    previous_day = days[0] - 31 * DAY
    with translation.override("nl"):
        kind_label = {k.value: str(k.label) for k in Kind}
    for n, meeting in enumerate(meetings):
        day = timezone.localtime(meeting.starts_at).date()
        last_upcoming = n == len(meetings) - 1
        own = []
        for spec in data["opening"]:
            own.append(dict(spec, owner=c.chair))
        topics = 1 if last_upcoming else rng.choice((2, 2, 3))
        for _ in range(topics):
            spec = data["topics"][topic_turn % len(data["topics"])]
            topic_turn += 1
            own.append(dict(spec, owner=rng.choice(c.people)))
        if not last_upcoming:
            for t in trajectories:
                if previous_day < t.received <= day:
                    own.append(
                        {
                            "title": f"{kind_label[t.kind]}: {t.title}"[:200],
                            "description": t.question[:4000],
                            "decision_wanted": t.kind != Kind.UNSOLICITED,
                            "owner": c.chair,
                            "trajectory": t,
                        }
                    )
        if not last_upcoming:
            own += [dict(spec, owner=c.chair) for spec in data["closing"]]
        previous_day = day
        for position, spec in enumerate(own, start=1):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    title=spec["title"],
                    description=spec.get("description") or "",
                    owner=spec["owner"],
                    decision_wanted=bool(spec.get("decision_wanted")),
                    trajectory=spec.get("trajectory"),
                    minutes_note=(
                        data["item_notes"][(n + position) % len(data["item_notes"])]
                        if meeting.minutes
                        else ""
                    ),
                )
            )
    AgendaItem.objects.bulk_create(items)

    decisions, actions = [], []
    turn = 0
    past = [m for m in meetings if m.minutes]
    for k, meeting in enumerate(reversed(past)):  # k = 0: the latest past meeting
        day = timezone.localtime(meeting.starts_at).date()
        for item in (i for i in items if i.meeting is meeting and i.decision_wanted):
            if item.trajectory is not None:
                text = data["trajectory_decision"].format(title=item.trajectory.title)
            else:
                text = data["decisions"][turn % len(data["decisions"])]
                turn += 1
            decisions.append(
                Decision(
                    council=c.council,
                    meeting=meeting,
                    agenda_item=item,
                    trajectory=item.trajectory,
                    text=text,
                    decided_on=day,
                    created_by=c.chair,
                    created_at=meeting.starts_at + datetime.timedelta(hours=3),
                )
            )
        for _ in range(1 + (k % 2)):
            owner = rng.choice(c.people)
            due = day + 21 * DAY
            # The latest four meetings' actions are open (three of them overdue), and one older.
            done = not (k < 4 or k == 6)
            actions.append(
                ActionItem(
                    council=c.council,
                    meeting=meeting,
                    text=data["actions"][len(actions) % len(data["actions"])],
                    owner=owner,
                    due_on=due,
                    done_at=_aware(due - 3 * DAY, 16) if done else None,
                    done_by=owner if done else None,
                    created_at=meeting.starts_at + datetime.timedelta(hours=3),
                )
            )
    Decision.objects.bulk_create(decisions)
    ActionItem.objects.bulk_create(actions)

    # The agenda of the first meeting to come went out: one notice per member.
    for meeting in meetings:
        if meeting.starts_at.date() >= today and meeting.agenda_sent_at:
            MeetingNotice.objects.bulk_create(
                [
                    MeetingNotice(
                        meeting=meeting, person=p, revision=1, sent_at=meeting.agenda_sent_at
                    )
                    for p in {s.person_id: s.person for s in c.seats}.values()
                ]
            )
    # A few meeting papers: the meetings around today, and one paper on an agenda item.
    papers = [m for m in meetings if abs((m.starts_at.date() - today).days) <= 75]
    for meeting in papers:
        when = timezone.localtime(meeting.starts_at).date().isoformat()
        documents.store_document(
            council=c.council,
            name=f"Vergaderstukken {when}.pdf",
            title=f"Vergaderstukken {when}",
            data=tiny_pdf(f"{meeting.title} {when}", ["Agenda en stukken (demodocument)"]),
            meeting=meeting,
            by=c.chair,
        )
        item = next((i for i in items if i.meeting is meeting and i.position == 3), None)
        if item is not None:
            documents.store_document(
                council=c.council,
                name=f"Notitie {item.title[:60]}.pdf",
                title=f"Notitie: {item.title[:100]}",
                data=tiny_pdf(item.title, [item.description[:90], "(Demodocument)"]),
                agenda_item=item,
                by=c.chair,
            )
    return len(meetings)


# --- achterban, recruitment, planning ---------------------------------------------------------


def _contacts(c: _Council, data: dict, today) -> int:
    if ConstituencyContact.objects.filter(council=c.council).exists():
        return 0
    rows = [
        ConstituencyContact(
            council=c.council,
            kind=spec["kind"],
            held_on=today - spec["days"] * DAY,
            reached=spec["reached"],
            reached_count=spec.get("count"),
            heard=spec["heard"],
            created_by=c.rng.choice(c.people),
            created_at=_aware(today - spec["days"] * DAY, 17),
        )
        for spec in data["contacts"].get(c.key, [])
    ]
    ConstituencyContact.objects.bulk_create(rows)
    # One was turned into an item on the agenda of the next meeting.
    upcoming = Meeting.objects.filter(council=c.council, starts_at__gte=timezone.now())
    meeting = upcoming.order_by("starts_at").first()
    for contact, spec in zip(rows, data["contacts"].get(c.key, []), strict=True):
        if spec.get("to_agenda") and meeting is not None:
            last = meeting.items.order_by("-position").first()
            contact.agenda_item = AgendaItem.objects.create(
                meeting=meeting,
                position=(last.position if last else 0) + 1,
                title=f"Uit de achterban: {contact.reached}"[:200],
                description=contact.heard,
                owner=contact.created_by,
            )
            contact.save(update_fields=["agenda_item"])
    return len(rows)


def _vacancy(c: _Council, data: dict, today) -> None:
    spec = data["vacancy"]
    vacancy, created = Vacancy.objects.get_or_create(
        council=c.council,
        title=spec["title"],
        defaults={
            "role": spec["role"],
            "text": spec["text"].strip(),
            "opens_on": today - spec["opens_days_ago"] * DAY,
            "closes_on": today + spec["closes_in_days"] * DAY,
            "shared": spec["shared"],
            "created_by": c.chair,
        },
    )
    if created:
        Candidate.objects.bulk_create(
            [
                Candidate(
                    vacancy=vacancy,
                    name=cand["name"],
                    email=cand["email"],
                    phone=cand["phone"],
                    note=cand["note"],
                    state=cand["state"],
                )
                for cand in data["candidates"]
            ]
        )


def _planning(c: _Council, data: dict, today) -> None:
    plan, created = YearPlan.objects.get_or_create(
        council=c.council, year=today.year, defaults={"intro": data["year_plan"]["intro"]}
    )
    if created:
        by_title = {t.title: t for t in Trajectory.objects.filter(council=c.council)}
        YearPlanTopic.objects.bulk_create(
            [
                YearPlanTopic(
                    plan=plan,
                    title=spec["title"],
                    description=spec.get("description", ""),
                    quarter=spec.get("quarter"),
                    planned_kind=spec.get("kind") or "",
                    trajectory=by_title.get(spec.get("trajectory", "")),
                    position=n,
                )
                for n, spec in enumerate(data["year_plan"]["topics"])
            ]
        )
    last_year = today.year - 1
    if not AnnualReport.objects.filter(council=c.council, year=last_year).exists():
        trajectories = Trajectory.objects.filter(council=c.council, received__year=last_year)
        by_kind = {k: trajectories.filter(kind=k).count() for k in Kind.values}
        figures = {
            "jaar": last_year,
            "raad": c.council.name,
            "vergaderingen": Meeting.objects.filter(
                council=c.council, starts_at__year=last_year
            ).count(),
            "trajecten": trajectories.count(),
            "adviezen": by_kind[Kind.ADVICE],
            "instemmingen": by_kind[Kind.CONSENT],
            "ongevraagd": by_kind[Kind.UNSOLICITED],
            "voordrachten": by_kind[Kind.NOMINATION],
            "contacten": ConstituencyContact.objects.filter(
                council=c.council, held_on__year=last_year
            ).count(),
        }
        AnnualReport.objects.create(
            council=c.council,
            year=last_year,
            text=data["annual_report"].format(**figures).strip() + "\n",
            updated_by=c.chair,
        )


def _advisor_access(c: _Council, today) -> bool:
    """voorzitter@'s council lets adviseur@ in for 60 days (once: while it runs, not again)."""
    advisor = get_user_model().objects.filter(email=_email("adviseur")).first()
    if advisor is None:
        return False
    active = AdvisorAccess.objects.filter(
        AdvisorAccess.active_q(today), council=c.council, advisor=advisor
    )
    if active.exists():
        return False
    services.grant_advisor_access(
        council=c.council,
        advisor=advisor,
        ends_on=today + 60 * DAY,
        by=c.chair,
        reason="Meelezen met de nieuwe medezeggenschapsregeling (demo)",
    )
    return True


@transaction.atomic
def build(*, log) -> None:
    today = timezone.localdate()
    meetings_data, trajectory_data = _data("meetings"), _data("trajectories")
    scheme_data, contact_data = _data("scheme"), _data("constituency")
    member_data, planning_data = _data("members"), _data("planning")
    councils = _demo_councils(today)
    made = []
    with translation.override("nl"):
        for c in councils:
            _scheme_settings(c, scheme_data)
            versions = _scheme_versions(c, scheme_data, today)
            before = Trajectory.objects.filter(council=c.council).count()
            trajectories = _trajectories(c, trajectory_data, today)
            _letters(c, trajectory_data)
            meetings = _meetings(c, meetings_data, trajectories, today)
            contacts = _contacts(c, contact_data, today)
            _vacancy(c, member_data, today)
            _planning(c, planning_data, today)
            if before == 0 or meetings or versions or contacts:
                made.append(
                    f"{c.council.name}: {meetings} vergaderingen, "
                    f"{len(trajectories) - before} trajecten, "
                    f"{versions} versies van de regeling, {contacts} contacten"
                )
        if councils and councils[0].key == "home":
            _advisor_access(councils[0], today)
    if not councils:
        log("  Raadswerk: geen demoraden gevonden")
    else:
        log("  Raadswerk: " + ("; ".join(made) if made else "de demowerkruimtes bestaan al"))


# --- many records, fast: for the benchmark and the query-count tests --------------------------
