"""The year plan (jaarplan) and the annual report (jaarverslag).

The year plan holds the topics the council means to work on, by quarter, with the kind of
trajectory it expects and, once there is one, the trajectory itself. At the year's end
``generate_annual_report`` writes a draft from what the workspace knows of that year — the
meetings, the trajectories and their outcomes, the achterban contacts (counts and themes, no
names), the courses members completed (counts per course, only of members who share their
progress) and the year plan's topics. The council edits the draft; two people saving at once
are told (``revision``), and regenerating over edits needs a confirmation.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from raadsplein.audit import services as audit
from raadsplein.learning import selectors as learning_selectors
from raadsplein.organisations.models import Council

from . import selectors
from .models import (
    AnnualReport,
    ConstituencyContact,
    ContactKind,
    Kind,
    Meeting,
    Outcome,
    State,
    Trajectory,
    YearPlan,
    YearPlanTopic,
)
from .services import CouncilworkError, log_change

audit.register_action("councilwork.annual_report.generated", gettext_lazy("Jaarverslag gemaakt"))

YEAR_MIN = 2000
# A plan can be made this many years ahead.
PLAN_YEARS_AHEAD = 2
TOPIC_TITLE_MAX = 200
TOPIC_TEXT_MAX = 2000
INTRO_MAX = 4000
REPORT_MAX = 100000
THEMES_MAX = 8
HEADING = "## "


class ConflictError(CouncilworkError):
    """Someone else saved the text after this person began; their text is kept on the form."""


# --- years ------------------------------------------------------------------------------------


def plan_years(today: datetime.date | None = None) -> range:
    today = today or timezone.localdate()
    return range(YEAR_MIN, today.year + PLAN_YEARS_AHEAD + 1)


def report_years(today: datetime.date | None = None) -> range:
    """Annual reports: for past years and the running one (a draft can start in December)."""
    today = today or timezone.localdate()
    return range(YEAR_MIN, today.year + 1)


def parse_year(value, *, allowed: range, default: int) -> int:
    """A year from the query string; anything else (text, huge numbers) gives ``default``."""
    try:
        year = int(str(value).strip()[:6])
    except (TypeError, ValueError):
        return default
    return year if year in allowed else default


# --- reads ------------------------------------------------------------------------------------


def year_plan(council: Council, year: int) -> YearPlan | None:
    """The council's plan for the year with its topics and their trajectories (2 queries)."""
    topics = YearPlanTopic.objects.select_related("trajectory")
    return (
        YearPlan.objects.filter(council=council, year=year)
        .prefetch_related(Prefetch("topics", queryset=topics))
        .first()
    )


def topics_for(council: Council) -> QuerySet[YearPlanTopic]:
    return YearPlanTopic.objects.filter(plan__council=council).select_related("plan", "trajectory")


def annual_reports_for(council: Council) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(council=council).select_related("updated_by")


def annual_report(council: Council, year: int) -> AnnualReport | None:
    return annual_reports_for(council).filter(year=year).first()


# --- the year plan ----------------------------------------------------------------------------


def _check_plan_year(year: int) -> None:
    if year not in plan_years():
        raise CouncilworkError(
            _("Kies een jaar tussen %(a)s en %(b)s.")
            % {"a": plan_years().start, "b": plan_years().stop - 1}
        )


def _plan(council: Council, year: int) -> YearPlan:
    _check_plan_year(year)
    plan, _created = YearPlan.objects.get_or_create(council=council, year=year)
    return plan


@transaction.atomic
def save_year_plan_intro(*, council: Council, year: int, intro: str, by) -> YearPlan:
    intro = (intro or "").strip()
    if len(intro) > INTRO_MAX:
        raise CouncilworkError(
            _("De inleiding is te lang: ten hoogste %(max)s tekens.") % {"max": INTRO_MAX}
        )
    plan = _plan(council, year)
    plan.intro = intro
    plan.save(update_fields=["intro", "updated_at"])
    log_change(by=by, council=council, obj=plan, what="year plan intro")
    return plan


def _topic_fields(
    council: Council,
    *,
    title: str,
    description: str,
    quarter: int | None,
    planned_kind: str,
    trajectory: Trajectory | None,
) -> dict:
    title = " ".join((title or "").split())
    if len(title) < 3:
        raise CouncilworkError(_("Geef het onderwerp een naam van ten minste 3 tekens."))
    if len(title) > TOPIC_TITLE_MAX:
        raise CouncilworkError(
            _("De naam is te lang: ten hoogste %(max)s tekens.") % {"max": TOPIC_TITLE_MAX}
        )
    description = (description or "").strip()
    if len(description) > TOPIC_TEXT_MAX:
        raise CouncilworkError(
            _("De toelichting is te lang: ten hoogste %(max)s tekens.") % {"max": TOPIC_TEXT_MAX}
        )
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise CouncilworkError(_("Kies een kwartaal van 1 tot en met 4."))
    planned_kind = planned_kind or ""
    if planned_kind and planned_kind not in Kind.values:
        raise CouncilworkError(_("Kies een soort traject uit de lijst."))
    if trajectory is not None and trajectory.council_id != council.pk:
        raise CouncilworkError(_("Kies een traject van deze raad."))
    return {
        "title": title,
        "description": description,
        "quarter": quarter,
        "planned_kind": planned_kind,
        "trajectory": trajectory,
    }


@transaction.atomic
def add_topic(
    *,
    council: Council,
    year: int,
    by,
    title: str,
    description: str = "",
    quarter: int | None = None,
    planned_kind: str = "",
    trajectory: Trajectory | None = None,
) -> YearPlanTopic:
    fields = _topic_fields(
        council,
        title=title,
        description=description,
        quarter=quarter,
        planned_kind=planned_kind,
        trajectory=trajectory,
    )
    plan = _plan(council, year)
    last = plan.topics.aggregate(last=Max("position"))["last"]
    topic = YearPlanTopic.objects.create(plan=plan, position=min((last or 0) + 1, 32000), **fields)
    log_change(by=by, council=council, obj=plan, what="year plan topic added")
    return topic


@transaction.atomic
def update_topic(
    *,
    topic: YearPlanTopic,
    by,
    title: str,
    description: str,
    quarter: int | None,
    planned_kind: str,
    trajectory: Trajectory | None,
) -> YearPlanTopic:
    council = topic.plan.council
    fields = _topic_fields(
        council,
        title=title,
        description=description,
        quarter=quarter,
        planned_kind=planned_kind,
        trajectory=trajectory,
    )
    for key, value in fields.items():
        setattr(topic, key, value)
    topic.save(update_fields=list(fields))
    log_change(by=by, council=council, obj=topic.plan, what="year plan topic changed")
    return topic


@transaction.atomic
def delete_topic(*, topic: YearPlanTopic, by) -> None:
    plan = topic.plan
    topic.delete()
    log_change(by=by, council=plan.council, obj=plan, what="year plan topic deleted")


# --- the annual report's draft ------------------------------------------------------------------

# Common Dutch words that say nothing about a theme (for "what the council heard often").
_STOPWORDS_TEXT = """
    aan achter af al alle alleen als altijd ander andere anders bij binnen daar daarom
    dan dat de deze die dit doen door dus een eens eigen elke en er ervan geen geven goed
    graag had hadden heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja
    je kan kon komen krijgen kunnen laat maar meer men met mij minder moet moeten na naar
    niet niets nog nu of om omdat ons onze ook op over te tegen toch toen tot u uit uw
    van veel voor vaak wat we wel welke werd worden wordt waar waren was wie wil willen
    word zal ze zelf zich zij zijn zo zou zouden zullen zeer soms echt sinds veel weinig
    bewoners cliënten cliënt mensen raad"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"\b[a-zà-ÿ][a-zà-ÿ\-]{3,}\b")


def heard_themes(texts: list[str], *, limit: int = THEMES_MAX) -> list[str]:
    """The words heard most often across contacts (each counted once per contact), leaving
    out common words. Only words written in lower case: names start with a capital."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({w for w in _WORD.findall(text or "") if w not in STOPWORDS})
    repeated = [w for w, n in counts.most_common() if n >= 2]
    return repeated[:limit]


@dataclass
class YearFacts:
    year: int
    meetings: list[Meeting]
    trajectories: list[Trajectory]
    contacts: list[ConstituencyContact]
    courses: list[tuple[str, int]]  # (course title, how many members completed it)
    plan: YearPlan | None


def year_facts(council: Council, year: int) -> YearFacts:
    """What the workspace knows of the year, in six queries however much there is."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    meetings = list(
        selectors.meetings_for(council)
        .filter(starts_at__gte=start, starts_at__lt=end, cancelled_at__isnull=True)
        .order_by("starts_at", "pk")
        .only("pk", "title", "starts_at")
    )
    trajectories = list(
        selectors.trajectories_for(council).filter(received__year=year).order_by("received", "pk")
    )
    contacts = list(
        ConstituencyContact.objects.filter(council=council, held_on__year=year).only(
            "pk", "kind", "reached_count", "heard"
        )
    )
    per_course: dict[str, set[int]] = {}
    for row in learning_selectors.council_completions(council):
        for enrolment in row["completed"]:
            done = enrolment.completed_at
            if done and timezone.localtime(done).year == year:
                per_course.setdefault(enrolment.course.title, set()).add(enrolment.person_id)
    courses = sorted(((t, len(p)) for t, p in per_course.items()), key=lambda r: (-r[1], r[0]))
    return YearFacts(
        year=year,
        meetings=meetings,
        trajectories=trajectories,
        contacts=contacts,
        courses=courses,
        plan=year_plan(council, year),
    )


def _day(value) -> str:
    return date_format(value, "j F")


def draft_text(council: Council, facts: YearFacts) -> str:
    """The draft annual report as text: blocks separated by an empty line; a block starting
    with ``## `` is a heading; lines starting with ``- `` are a list."""
    year = facts.year
    blocks = [
        HEADING + _("Jaarverslag %(year)s van %(council)s") % {"year": year, "council": council},
        _(
            "Dit is een concept dat Raadswerk maakte uit wat de raad in %(year)s vastlegde. "
            "Vul het aan met uw eigen woorden: wat ging goed, wat wilt u volgend jaar anders?"
        )
        % {"year": year},
    ]
    # Meetings
    blocks.append(HEADING + _("Vergaderingen"))
    if facts.meetings:
        local = [timezone.localtime(m.starts_at) for m in facts.meetings]
        blocks.append(
            ngettext(
                "De raad vergaderde in %(year)s %(n)s keer: op %(dates)s.",
                "De raad vergaderde in %(year)s %(n)s keer: op %(dates)s.",
                len(local),
            )
            % {"year": year, "n": len(local), "dates": ", ".join(_day(d) for d in local)}
        )
    else:
        blocks.append(_("In Raadswerk staan voor dit jaar geen vergaderingen."))
    # Trajectories
    blocks.append(HEADING + _("Advies en instemming"))
    if facts.trajectories:
        by_kind = Counter(t.kind for t in facts.trajectories)
        blocks.append(
            ngettext(
                "In %(year)s begon de raad %(n)s traject:",
                "In %(year)s begon de raad %(n)s trajecten:",
                len(facts.trajectories),
            )
            % {"year": year, "n": len(facts.trajectories)}
            + "\n"
            + "\n".join(
                f"- {Kind(kind).label}: {count}"
                for kind, count in sorted(by_kind.items(), key=lambda r: Kind.values.index(r[0]))
            )
        )
        lines = []
        for t in facts.trajectories:
            if t.outcome:
                result = Outcome(t.outcome).label
            elif t.state == State.CLOSED:
                result = _("afgesloten")
            else:
                result = _("loopt nog (%(state)s)") % {"state": State(t.state).label.lower()}
            lines.append(f"- {t.title} ({Kind(t.kind).label.lower()}): {result}")
        blocks.append(_("Per traject de uitkomst:") + "\n" + "\n".join(lines))
        outcomes = Counter(t.outcome for t in facts.trajectories if t.outcome)
        if outcomes:
            blocks.append(
                _("Uitkomsten samen:")
                + "\n"
                + "\n".join(f"- {Outcome(o).label}: {n}" for o, n in outcomes.most_common())
            )
    else:
        blocks.append(_("In Raadswerk staan voor dit jaar geen adviezen of instemmingen."))
    # Achterban
    blocks.append(HEADING + _("Contact met de achterban"))
    if facts.contacts:
        reached = sum(c.reached_count or 0 for c in facts.contacts)
        text = ngettext(
            "De raad had %(n)s contact met de achterban.",
            "De raad had %(n)s contacten met de achterban.",
            len(facts.contacts),
        ) % {"n": len(facts.contacts)}
        if reached:
            text += " " + _("Zo bereikte de raad ongeveer %(n)s mensen.") % {"n": reached}
        kinds = Counter(c.kind for c in facts.contacts)
        text += "\n" + "\n".join(
            f"- {ContactKind(k).label}: {n}"
            for k, n in sorted(kinds.items(), key=lambda r: ContactKind.values.index(r[0]))
        )
        blocks.append(text)
        themes = heard_themes([c.heard for c in facts.contacts])
        if themes:
            blocks.append(
                _("Wat de raad vaak hoorde, gaat over: %(themes)s.") % {"themes": ", ".join(themes)}
            )
    else:
        blocks.append(_("In Raadswerk staan voor dit jaar geen contacten met de achterban."))
    # Courses
    blocks.append(HEADING + _("Scholing"))
    if facts.courses:
        blocks.append(
            _("Leden die hun voortgang met de raad delen, rondden deze cursussen af:")
            + "\n"
            + "\n".join(
                "- "
                + ngettext("%(course)s: %(n)s lid", "%(course)s: %(n)s leden", n)
                % {"course": title, "n": n}
                for title, n in facts.courses
            )
        )
    else:
        blocks.append(
            _("Er zijn geen afgeronde cursussen bekend van leden die hun voortgang delen.")
        )
    # Year plan
    blocks.append(HEADING + _("Het jaarplan"))
    topics = list(facts.plan.topics.all()) if facts.plan else []
    if topics:
        with_trajectory = [t for t in topics if t.trajectory_id]
        lines = []
        for topic in topics:
            if topic.trajectory_id:
                lines.append(
                    "- "
                    + _("%(topic)s: traject ‘%(title)s’ (%(state)s)")
                    % {
                        "topic": topic.title,
                        "title": topic.trajectory.title,
                        "state": State(topic.trajectory.state).label.lower(),
                    }
                )
            else:
                lines.append("- " + _("%(topic)s: nog geen traject") % {"topic": topic.title})
        blocks.append(
            _("Van de %(n)s onderwerpen in het jaarplan kreeg %(m)s een traject.")
            % {"n": len(topics), "m": len(with_trajectory)}
            + "\n"
            + "\n".join(lines)
        )
    else:
        blocks.append(_("Voor dit jaar staat er geen jaarplan in Raadswerk."))
    return "\n\n".join(blocks) + "\n"


def report_blocks(text: str) -> list[tuple[str, object]]:
    """The report's text as ("h", heading), ("p", paragraph) and ("ul", [items]) for the
    page and the PDF."""
    result: list[tuple[str, object]] = []
    for raw in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")):
        block = raw.strip("\n")
        if not block.strip():
            continue
        if block.startswith(HEADING):
            result.append(("h", block[len(HEADING) :].strip()))
            continue
        lines = block.split("\n")
        intro = [line for line in lines if not line.startswith("- ")]
        items = [line[2:] for line in lines if line.startswith("- ")]
        if intro:
            result.append(("p", "\n".join(intro)))
        if items:
            result.append(("ul", items))
    return result


def _check_report_year(year: int) -> None:
    if year not in report_years():
        raise CouncilworkError(_("Een jaarverslag kan alleen over dit jaar of een eerder jaar."))


@transaction.atomic
def generate_annual_report(
    *,
    council: Council,
    year: int,
    by,
    overwrite: bool = False,
    revision: int | None = None,
) -> AnnualReport:
    """Write the draft. Over an existing report only with ``overwrite`` (the person confirmed)
    and only if nobody saved it since they looked (``revision``)."""
    _check_report_year(year)
    text = draft_text(council, year_facts(council, year))
    report = AnnualReport.objects.select_for_update().filter(council=council, year=year).first()
    if report is None:
        report = AnnualReport.objects.create(
            council=council, year=year, text=text, updated_by=by, revision=1
        )
    else:
        if not overwrite:
            raise CouncilworkError(
                _("Er is al een jaarverslag over %(year)s. Bevestig dat u het wilt vervangen.")
                % {"year": year}
            )
        if revision is not None and revision != report.revision:
            raise ConflictError(
                _("Iemand anders heeft het jaarverslag net opgeslagen. Bekijk die tekst eerst.")
            )
        report.text = text
        report.generated_at = timezone.now()
        report.updated_by = by
        report.revision += 1
        report.save(update_fields=["text", "generated_at", "updated_by", "revision", "updated_at"])
    audit.log(
        actor=by,
        action="councilwork.annual_report.generated",
        obj=report,
        council=council,
        data={"year": year},
    )
    log_change(by=by, council=council, obj=report, what="annual report generated")
    return report


@transaction.atomic
def save_annual_report(*, report: AnnualReport, text: str, revision: int, by) -> AnnualReport:
    """Save the edited text. If someone saved after ``revision`` (the one this person started
    from), nothing is saved and ``ConflictError`` says so; the view keeps their text."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise CouncilworkError(_("Het jaarverslag is leeg. Schrijf een tekst of maak een concept."))
    if len(text) > REPORT_MAX:
        raise CouncilworkError(
            _("De tekst is te lang: ten hoogste %(max)s tekens.") % {"max": REPORT_MAX}
        )
    current = AnnualReport.objects.select_for_update().select_related("council").get(pk=report.pk)
    if current.revision != revision:
        who = current.updated_by.get_full_name() if current.updated_by else ""
        raise ConflictError(
            _(
                "%(who)s heeft het jaarverslag opgeslagen nadat u begon. Uw tekst is niet "
                "opgeslagen maar staat hieronder nog. Neem uw wijzigingen over in de nieuwe "
                "tekst, of kopieer ze eerst."
            )
            % {"who": who or _("Iemand anders")}
        )
    current.text = text + "\n"
    current.updated_by = by
    current.revision += 1
    current.save(update_fields=["text", "updated_by", "revision", "updated_at"])
    log_change(by=by, council=current.council, obj=current, what="annual report edited")
    return current
