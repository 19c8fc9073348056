"""The participation scheme (medezeggenschapsregeling): its settings and its text, written
together.

- The **settings** (members, terms, response periods, notice days, budget, meetings, which
  dispute committee) drive the deadlines of trajectories (``services.compute_deadline``), the
  warnings about members' terms and when an agenda goes out. A form posts the ``revision`` it
  started from: of two people saving at once the second is told who saved when, and keeps
  what they typed (:class:`SettingsConflict`).
- The **text** is a versioned document: every save is a new version with its author and
  time. A save names the version it started from (``based_on``); when someone saved a newer
  one meanwhile the save is refused with :class:`TextConflict`, which carries both versions
  so the page can show what changed and keep the saver's text to merge. An unchanged text is
  no new version (:class:`TextUnchanged`).
- **Comments** sit on a paragraph (an article) of one version; the author or an officer
  resolves them.

Reads that only this part needs are at the end (scoped to one council).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raadsplein.audit.services import person_label
from raadsplein.organisations.models import Council

from . import diff, selectors
from .models import DisputeCommittee, SchemeComment, SchemeSettings, SchemeVersion
from .services import CouncilworkError, log_change

MODEL_SCHEME = Path(__file__).resolve().parent / "data" / "model_scheme.txt"
TEXT_MAX = SchemeVersion._meta.get_field("text").max_length
NOTE_MAX = SchemeVersion._meta.get_field("note").max_length
COMMENT_MAX = SchemeComment._meta.get_field("body").max_length
# How much of the paragraph a comment keeps as its passage (the paragraph may change later).
PASSAGE_CHARS = 200
# A paragraph's first line up to this long, above more lines, is shown as its title.
HEADING_CHARS = 100
DISPUTE_NAME_MAX = SchemeSettings._meta.get_field("dispute_committee_name").max_length

# Sensible bounds of each number the scheme sets (the form offers the same ones).
SETTINGS_LIMITS: dict[str, tuple[int, int]] = {
    "members_target": (1, 99),
    "term_years": (1, 10),
    "max_terms": (1, 10),
    "advice_days": (1, 365),
    "consent_days": (1, 365),
    "notice_days": (1, 60),
    "meetings_per_year": (1, 52),
}
BUDGET_MAX_CENTS = 100_000_000  # € 1.000.000 a year
SETTINGS_FIELDS = (
    *SETTINGS_LIMITS,
    "budget_cents",
    "dispute_committee",
    "dispute_committee_name",
)


class SettingsConflict(CouncilworkError):
    """Someone saved the settings after this form was opened. ``current`` holds what is
    saved now."""

    def __init__(self, message: str, *, current: SchemeSettings):
        super().__init__(message)
        self.current = current


class TextConflict(CouncilworkError):
    """Someone saved a newer version after the saver began. ``base`` is the version they
    started from (``None``: they started from nothing), ``newer`` the latest one now."""

    def __init__(self, message: str, *, base: SchemeVersion | None, newer: SchemeVersion):
        super().__init__(message)
        self.base = base
        self.newer = newer


class TextUnchanged(CouncilworkError):
    """The text is the same as the version it started from: no new version."""


def when(moment: datetime.datetime) -> str:
    """'om 14:05' today, 'op 3 december om 14:05' another day (in Dutch time)."""
    local = timezone.localtime(moment)
    hour = formats.time_format(local, "H:i")
    if local.date() == timezone.localdate():
        return _("om %(time)s") % {"time": hour}
    return _("op %(date)s om %(time)s") % {
        "date": formats.date_format(local, "j F Y"),
        "time": hour,
    }


# --- settings ---------------------------------------------------------------------------------


def _check_settings(values: dict) -> dict:
    clean = {}
    for name, (low, high) in SETTINGS_LIMITS.items():
        value = values.get(name)
        if value is None and name != "notice_days":
            clean[name] = None
            continue
        if not isinstance(value, int) or not low <= value <= high:
            label = SchemeSettings._meta.get_field(name).verbose_name
            raise CouncilworkError(
                _("Vul bij '%(label)s' een getal in van %(low)s tot en met %(high)s.")
                % {"label": label, "low": low, "high": high}
            )
        clean[name] = value
    budget = values.get("budget_cents")
    if budget is not None and (not isinstance(budget, int) or not 0 <= budget <= BUDGET_MAX_CENTS):
        raise CouncilworkError(_("Vul een budget in van € 0 tot en met € 1.000.000 per jaar."))
    clean["budget_cents"] = budget
    committee = values.get("dispute_committee") or DisputeCommittee.NATIONAL
    if committee not in DisputeCommittee.values:
        raise CouncilworkError(_("Kies welke commissie geschillen behandelt."))
    name = " ".join((values.get("dispute_committee_name") or "").split())
    if committee == DisputeCommittee.OTHER and not name:
        raise CouncilworkError(_("Vul de naam van de andere commissie in."))
    if len(name) > DISPUTE_NAME_MAX:
        raise CouncilworkError(
            _("De naam van de commissie is te lang: ten hoogste %(max)s tekens.")
            % {"max": DISPUTE_NAME_MAX}
        )
    clean["dispute_committee"] = committee
    clean["dispute_committee_name"] = "" if committee == DisputeCommittee.NATIONAL else name
    return clean


@transaction.atomic
def save_scheme_settings(*, council: Council, by, revision: int, **values) -> SchemeSettings:
    """Record the scheme's settings. ``revision`` is the one the form started from; when the
    settings were saved since, nothing is changed and :class:`SettingsConflict` says by whom
    and when. ``values`` are the fields of ``SETTINGS_FIELDS`` (budget in cents)."""
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Unknown scheme settings: {sorted(unknown)}")
    clean = _check_settings(values)
    current, _created = SchemeSettings.objects.select_for_update().get_or_create(council=council)
    if current.revision != revision:
        raise SettingsConflict(
            _(
                "Intussen heeft %(name)s %(when)s de instellingen opgeslagen. Er is niets "
                "overschreven. Hieronder ziet u wat er nu is opgeslagen; uw eigen invoer staat "
                "nog in het formulier. Kijk die na en sla opnieuw op."
            )
            % {
                "name": person_label(current.updated_by) or _("iemand anders"),
                "when": when(current.updated_at),
            },
            current=current,
        )
    for name, value in clean.items():
        setattr(current, name, value)
    current.revision += 1
    current.updated_by = by
    try:
        current.full_clean(exclude=["council", "updated_by"])
    except ValidationError as exc:
        raise CouncilworkError(" ".join(exc.messages)) from exc
    current.save()
    log_change(by=by, council=council, obj=current, what="scheme settings")
    return current


# --- the text ---------------------------------------------------------------------------------


def _clean_text(text: str) -> str:
    text = diff.normalise(text)
    if "\x00" in text:
        raise CouncilworkError(_("De tekst bevat een teken dat niet kan."))
    if not text.strip():
        raise CouncilworkError(_("De tekst is leeg. Schrijf de regeling of begin met het model."))
    if len(text) > TEXT_MAX:
        raise CouncilworkError(
            _("De tekst is te lang: ten hoogste %(max)s tekens.") % {"max": f"{TEXT_MAX:,}"}
        )
    return text


def _clean_note(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > NOTE_MAX:
        raise CouncilworkError(
            _("De toelichting is te lang: ten hoogste %(max)s tekens.") % {"max": NOTE_MAX}
        )
    return note


def _text_conflict(council: Council, based_on: int, newer: SchemeVersion) -> TextConflict:
    base = selectors.scheme_versions(council).filter(number=based_on).first()
    return TextConflict(
        _(
            "Intussen heeft %(name)s %(when)s een nieuwe versie opgeslagen (versie %(number)s). "
            "Uw tekst is niet opgeslagen, maar staat nog hieronder. Bekijk wat er veranderd is, "
            "neem het over in uw tekst en sla dan opnieuw op."
        )
        % {
            "name": newer.author_label or _("iemand anders"),
            "when": when(newer.created_at),
            "number": newer.number,
        },
        base=base,
        newer=newer,
    )


def _add_version(*, council: Council, by, text: str, note: str, number: int) -> SchemeVersion:
    version = SchemeVersion(
        council=council,
        number=number,
        text=text,
        note=note,
        author=by,
        author_label=person_label(by),
    )
    # A savepoint: two saves of the same number at once, the second meets the unique
    # constraint and is told (below) rather than failing the request.
    with transaction.atomic():
        version.save()
    return version


@transaction.atomic
def save_scheme_version(
    *, council: Council, by, text: str, based_on: int, note: str = ""
) -> SchemeVersion:
    """Save the text as the council's next version. ``based_on`` is the number of the version
    the writer began from (0: none yet). Raises :class:`TextConflict` when a newer version was
    saved meanwhile and :class:`TextUnchanged` when nothing changed."""
    text = _clean_text(text)
    note = _clean_note(note)
    latest = selectors.latest_scheme_version(council)
    latest_number = latest.number if latest else 0
    if based_on < 0 or based_on > latest_number:
        raise CouncilworkError(
            _("Die versie bestaat niet. Open de nieuwste versie en begin opnieuw.")
        )
    if latest is not None and based_on < latest_number:
        raise _text_conflict(council, based_on, latest)
    if latest is not None and diff.normalise(latest.text) == text:
        raise TextUnchanged(_("U heeft niets veranderd. Er is geen nieuwe versie gemaakt."))
    try:
        version = _add_version(
            council=council, by=by, text=text, note=note, number=latest_number + 1
        )
    except IntegrityError:
        raise _text_conflict(council, based_on, selectors.latest_scheme_version(council)) from None
    log_change(by=by, council=council, obj=version, what=f"scheme version {version.number}")
    return version


def model_scheme_text() -> str:
    return diff.normalise(MODEL_SCHEME.read_text(encoding="utf-8"))


@transaction.atomic
def start_from_model_scheme(*, council: Council, by) -> SchemeVersion:
    """Version 1 of the council's scheme: the model scheme, to adapt."""
    if selectors.scheme_versions(council).exists():
        raise CouncilworkError(
            _("Uw raad heeft al een tekst van de regeling. U kunt die tekst bewerken.")
        )
    try:
        version = _add_version(
            council=council,
            by=by,
            text=model_scheme_text(),
            note=_("Begonnen met de modelregeling"),
            number=1,
        )
    except IntegrityError:
        raise CouncilworkError(
            _("Iemand anders is net begonnen met de modelregeling. Bekijk die tekst.")
        ) from None
    log_change(by=by, council=council, obj=version, what="scheme started from the model")
    return version


# --- comments ---------------------------------------------------------------------------------


def passage_of(paragraph: str) -> str:
    """The first words of a paragraph, kept with a comment on it."""
    flat = " ".join(paragraph.split())
    if len(flat) <= PASSAGE_CHARS:
        return flat
    return flat[: PASSAGE_CHARS - 1].rstrip() + "…"


@transaction.atomic
def add_scheme_comment(
    *, council: Council, version: SchemeVersion, by, paragraph: int, body: str
) -> SchemeComment:
    """A comment on paragraph ``paragraph`` (from 1) of a version of the council's scheme."""
    if version.council_id != council.pk:
        raise CouncilworkError(_("Deze versie hoort niet bij uw raad."))
    parts = diff.paragraphs(version.text)
    if not isinstance(paragraph, int) or not 1 <= paragraph <= len(parts):
        raise CouncilworkError(_("Dat stuk van de tekst bestaat niet. Kies een artikel."))
    body = (body or "").strip()
    if not body:
        raise CouncilworkError(_("Schrijf uw opmerking."))
    if "\x00" in body:
        raise CouncilworkError(_("De opmerking bevat een teken dat niet kan."))
    if len(body) > COMMENT_MAX:
        raise CouncilworkError(
            _("De opmerking is te lang: ten hoogste %(max)s tekens.") % {"max": COMMENT_MAX}
        )
    comment = SchemeComment.objects.create(
        version=version,
        paragraph=paragraph,
        passage=passage_of(parts[paragraph - 1]),
        body=body,
        author=by,
        author_label=person_label(by),
    )
    log_change(by=by, council=council, obj=comment, what="scheme comment")
    return comment


def may_resolve(person, council: Council, comment: SchemeComment) -> bool:
    """The comment's author and the council's officers resolve a comment."""
    if comment.author_id is not None and comment.author_id == getattr(person, "pk", None):
        return True
    return selectors.standing(person, council).officer


@transaction.atomic
def resolve_scheme_comment(*, council: Council, comment: SchemeComment, by) -> SchemeComment:
    """Mark a comment as dealt with (it stays readable, shown as resolved)."""
    if comment.version.council_id != council.pk:
        raise CouncilworkError(_("Deze opmerking hoort niet bij uw raad."))
    if not may_resolve(by, council, comment):
        raise CouncilworkError(
            _(
                "Alleen wie de opmerking schreef, of de voorzitter of secretaris, "
                "kan die afhandelen."
            )
        )
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = by
        comment.save(update_fields=["resolved_at", "resolved_by"])
        log_change(by=by, council=council, obj=comment, what="scheme comment resolved")
    return comment


# --- reads ------------------------------------------------------------------------------------


def versions_overview(council: Council) -> QuerySet[SchemeVersion]:
    """The council's versions, newest first, without their texts, each with its number of
    open comments (one query)."""
    return (
        selectors.scheme_versions(council)
        .defer("text")
        .annotate(open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True)))
    )


def comments_for(council: Council) -> QuerySet[SchemeComment]:
    return SchemeComment.objects.filter(version__council=council).select_related("version")


def open_comments_before(council: Council, version: SchemeVersion) -> QuerySet[SchemeComment]:
    """Comments on earlier versions nobody dealt with yet, newest first: a new version must
    not make them disappear from view."""
    return (
        comments_for(council)
        .filter(version__number__lt=version.number, resolved_at__isnull=True)
        .defer("version__text")
        .order_by("-version__number", "paragraph", "created_at", "pk")
    )


def passages(version: SchemeVersion) -> tuple[list[dict], list[SchemeComment]]:
    """The version's paragraphs, each with its comments (one query for all comments), and
    the comments that name no paragraph (or one the text no longer has)."""
    parts = diff.paragraphs(version.text)
    by_paragraph: dict[int, list[SchemeComment]] = {}
    loose: list[SchemeComment] = []
    for comment in version.comments.all():
        if comment.paragraph and 1 <= comment.paragraph <= len(parts):
            by_paragraph.setdefault(comment.paragraph, []).append(comment)
        else:
            loose.append(comment)
    rows = []
    for number, text in enumerate(parts, start=1):
        first, _newline, rest = text.partition("\n")
        # A short first line above more text reads as the article's title.
        titled = bool(rest) and len(first) <= HEADING_CHARS
        rows.append(
            {
                "number": number,
                "text": text,
                "title": first if titled else "",
                "body": rest if titled else text,
                "heading": first[:HEADING_CHARS],
                "comments": by_paragraph.get(number, []),
            }
        )
    return rows, loose
