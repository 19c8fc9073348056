"""Recruiting members: vacancies with a text to share, and their candidates.

Candidates are kept only for the procedure: name and how to reach them, a short note and
where they stand. When the vacancy closes — filled or not — every candidate of it is deleted
(``close_vacancy``); ``forget_ended_candidates`` is the safety net the daily sweep runs.
A shared vacancy has a public page (``vacancy_public``) with its text only.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.organisations.models import Council

from . import selectors
from .models import Candidate, CandidateState, Vacancy, VacancyState
from .services import CouncilworkError, log_change
from .terms import MEMBER_ROLES

audit.register_action("councilwork.vacancy.closed", gettext_lazy("Vacature gesloten"))
audit.register_action(
    "councilwork.candidates.forgotten",
    gettext_lazy("Gegevens van kandidaten verwijderd na het einde van een vacature"),
)

TITLE_MAX = 200
TEXT_MAX = 6000
NAME_MAX = 200
PHONE_MAX = 40
NOTE_MAX = 1000
# The latest a vacancy can close: a year ahead (longer is a typing error).
MAX_OPEN_DAYS = 366
_PHONE = re.compile(r"^[0-9+()\-. ]{6,40}$")


# --- reads ------------------------------------------------------------------------------------


def vacancy_with_counts(council: Council) -> QuerySet[Vacancy]:
    from django.db.models import Count

    return selectors.vacancies_for(council).annotate(candidate_count=Count("candidates"))


def candidates_for(council: Council) -> QuerySet[Candidate]:
    """Candidates of the council's vacancies (only officers may see them: ``CANDIDATES``)."""
    return Candidate.objects.filter(vacancy__council=council).select_related("vacancy")


def public_vacancy(token) -> Vacancy | None:
    """A vacancy anyone may read by its link: shared, open, and not past its closing date."""
    today = timezone.localdate()
    vacancy = (
        Vacancy.objects.filter(share_token=token, shared=True, state=VacancyState.OPEN)
        .select_related("council")
        .first()
    )
    if vacancy is None or (vacancy.closes_on and vacancy.closes_on < today):
        return None
    return vacancy


def is_public(vacancy: Vacancy, *, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        vacancy.shared
        and vacancy.state == VacancyState.OPEN
        and (vacancy.closes_on is None or vacancy.closes_on >= today)
    )


# --- checks -----------------------------------------------------------------------------------


def _one_line(value: str, *, label: str, minimum: int, maximum: int) -> str:
    value = " ".join((value or "").split())
    if len(value) < minimum:
        raise CouncilworkError(
            _("Vul %(label)s in (ten minste %(min)s tekens).") % {"label": label, "min": minimum}
        )
    if len(value) > maximum:
        raise CouncilworkError(
            _("%(label)s is te lang: ten hoogste %(max)s tekens.")
            % {"label": label.capitalize(), "max": maximum}
        )
    return value


def _text(value: str) -> str:
    value = (value or "").strip()
    if len(value) < 20:
        raise CouncilworkError(
            _(
                "Schrijf een tekst om te delen van ten minste 20 tekens: wat doet de raad, wie "
                "zoekt u, en hoe kan iemand reageren?"
            )
        )
    if len(value) > TEXT_MAX:
        raise CouncilworkError(
            _("De tekst is te lang: ten hoogste %(max)s tekens.") % {"max": TEXT_MAX}
        )
    return value


def _check_role(role: str) -> str:
    if role not in MEMBER_ROLES:
        raise CouncilworkError(_("Kies een rol uit de lijst."))
    return role


def _check_closes_on(closes_on: datetime.date | None, *, opens_on: datetime.date) -> None:
    if closes_on is None:
        return
    if closes_on < timezone.localdate():
        raise CouncilworkError(_("De datum tot wanneer men kan reageren ligt in het verleden."))
    if closes_on < opens_on:
        raise CouncilworkError(_("De sluitingsdatum ligt vóór de datum waarop de vacature opent."))
    if (closes_on - opens_on).days > MAX_OPEN_DAYS:
        raise CouncilworkError(_("Kies een sluitingsdatum binnen een jaar."))


def member_names_in(council: Council, text: str) -> list[str]:
    """Full names of the council's current seat holders that appear in ``text``: a shared
    vacancy never names members (sitting on a council can tell that someone is a client)."""
    lowered = " ".join(text.split()).lower()
    found = []
    for seat in selectors.seat_holders(council):
        name = " ".join(seat.person.get_full_name().split())
        if len(name) >= 5 and " " in name and name.lower() in lowered and name not in found:
            found.append(name)
    return found


def _check_shareable(vacancy: Vacancy) -> None:
    names = member_names_in(vacancy.council, f"{vacancy.title}\n{vacancy.text}")
    if names:
        raise CouncilworkError(
            _(
                "In de tekst staat de naam van een lid (%(names)s). Een gedeelde vacature noemt "
                "geen leden: haal de naam weg, of geef het e-mailadres van de raad."
            )
            % {"names": ", ".join(names)}
        )


def _open(vacancy: Vacancy) -> None:
    if vacancy.state != VacancyState.OPEN:
        raise CouncilworkError(_("Deze vacature is gesloten. Daar kan niets meer bij."))


# --- vacancies --------------------------------------------------------------------------------


@transaction.atomic
def create_vacancy(
    *,
    council: Council,
    by,
    title: str,
    text: str,
    role: str = "lid",
    closes_on: datetime.date | None = None,
) -> Vacancy:
    """A new open vacancy, not shared yet (sharing is a step of its own)."""
    today = timezone.localdate()
    vacancy = Vacancy(
        council=council,
        title=_one_line(title, label=_("de titel"), minimum=3, maximum=TITLE_MAX),
        text=_text(text),
        role=_check_role(role),
        opens_on=today,
        closes_on=closes_on,
        created_by=by,
    )
    _check_closes_on(closes_on, opens_on=today)
    vacancy.save()
    log_change(by=by, council=council, obj=vacancy, what="vacancy created")
    return vacancy


@transaction.atomic
def update_vacancy(
    *,
    vacancy: Vacancy,
    by,
    title: str,
    text: str,
    role: str,
    closes_on: datetime.date | None,
) -> Vacancy:
    vacancy = Vacancy.objects.select_for_update().select_related("council").get(pk=vacancy.pk)
    _open(vacancy)
    vacancy.title = _one_line(title, label=_("de titel"), minimum=3, maximum=TITLE_MAX)
    vacancy.text = _text(text)
    vacancy.role = _check_role(role)
    if closes_on != vacancy.closes_on:
        _check_closes_on(closes_on, opens_on=vacancy.opens_on)
    vacancy.closes_on = closes_on
    if vacancy.shared:
        _check_shareable(vacancy)
    vacancy.save(update_fields=["title", "text", "role", "closes_on"])
    log_change(by=by, council=vacancy.council, obj=vacancy, what="vacancy changed")
    return vacancy


@transaction.atomic
def share_vacancy(*, vacancy: Vacancy, by, shared: bool) -> Vacancy:
    """Turn the public page on or off. On only for an open vacancy without members' names."""
    vacancy = Vacancy.objects.select_for_update().select_related("council").get(pk=vacancy.pk)
    if shared:
        _open(vacancy)
        if vacancy.closes_on and vacancy.closes_on < timezone.localdate():
            raise CouncilworkError(
                _("De datum om te reageren is voorbij. Kies eerst een nieuwe datum.")
            )
        _check_shareable(vacancy)
    if vacancy.shared != shared:
        vacancy.shared = shared
        vacancy.save(update_fields=["shared"])
        log_change(by=by, council=vacancy.council, obj=vacancy, what=f"vacancy shared={shared}")
    return vacancy


@transaction.atomic
def close_vacancy(*, vacancy: Vacancy, by, filled: bool) -> int:
    """End the procedure: the vacancy is filled, or closed without a new member. It is no
    longer shared, and every candidate of it is deleted. Returns how many were deleted."""
    vacancy = Vacancy.objects.select_for_update().select_related("council").get(pk=vacancy.pk)
    _open(vacancy)
    vacancy.state = VacancyState.FILLED if filled else VacancyState.CLOSED
    vacancy.shared = False
    vacancy.ended_at = timezone.now()
    vacancy.save(update_fields=["state", "shared", "ended_at"])
    deleted, _rows = Candidate.objects.filter(vacancy=vacancy).delete()
    audit.log(
        actor=by,
        action="councilwork.vacancy.closed",
        obj=vacancy,
        council=vacancy.council,
        data={"state": vacancy.state, "candidates_deleted": deleted},
    )
    log_change(by=by, council=vacancy.council, obj=vacancy, what="vacancy closed")
    return deleted


def forget_ended_candidates(*, now: datetime.datetime | None = None) -> int:
    """Safety net for the daily sweep: delete candidates of every vacancy whose procedure has
    ended (filled or closed), however it ended — ``close_vacancy`` already does this, this
    catches what was closed another way (the admin, an import). Safe to run twice."""
    now = now or timezone.now()
    total = 0
    ended = (
        Vacancy.objects.exclude(state=VacancyState.OPEN)
        .filter(candidates__isnull=False)
        .distinct()
        .select_related("council")
    )
    for vacancy in ended:
        if vacancy.ended_at and vacancy.ended_at > now:
            continue
        with transaction.atomic():
            deleted, _rows = Candidate.objects.filter(vacancy=vacancy).delete()
            if deleted:
                audit.log(
                    actor=None,
                    action="councilwork.candidates.forgotten",
                    obj=vacancy,
                    council=vacancy.council,
                    data={"candidates_deleted": deleted},
                )
        total += deleted
    return total


# --- candidates -------------------------------------------------------------------------------


def _candidate_fields(*, name: str, email: str, phone: str, note: str, state: str) -> dict:
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CouncilworkError(_("Vul een geldig e-mailadres in.")) from exc
    phone = " ".join((phone or "").split())
    if phone and not _PHONE.match(phone):
        raise CouncilworkError(_("Vul een telefoonnummer in met alleen cijfers, + of -."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise CouncilworkError(
            _("De aantekening is te lang: ten hoogste %(max)s tekens.") % {"max": NOTE_MAX}
        )
    if state not in CandidateState.values:
        raise CouncilworkError(_("Kies een stand uit de lijst."))
    return {
        "name": _one_line(name, label=_("de naam"), minimum=2, maximum=NAME_MAX),
        "email": email[:254],
        "phone": phone,
        "note": note,
        "state": state,
    }


@transaction.atomic
def add_candidate(
    *,
    vacancy: Vacancy,
    by,
    name: str,
    email: str = "",
    phone: str = "",
    note: str = "",
    state: str = CandidateState.NEW,
) -> Candidate:
    vacancy = Vacancy.objects.select_for_update().select_related("council").get(pk=vacancy.pk)
    _open(vacancy)
    fields = _candidate_fields(name=name, email=email, phone=phone, note=note, state=state)
    if not fields["email"] and not fields["phone"]:
        raise CouncilworkError(_("Vul een e-mailadres of een telefoonnummer in."))
    candidate = Candidate.objects.create(vacancy=vacancy, **fields)
    log_change(by=by, council=vacancy.council, obj=vacancy, what="candidate added")
    return candidate


@transaction.atomic
def update_candidate(
    *, candidate: Candidate, by, name: str, email: str, phone: str, note: str, state: str
) -> Candidate:
    candidate = (
        Candidate.objects.select_for_update()
        .select_related("vacancy__council")
        .get(pk=candidate.pk)
    )
    _open(candidate.vacancy)
    fields = _candidate_fields(name=name, email=email, phone=phone, note=note, state=state)
    if not fields["email"] and not fields["phone"]:
        raise CouncilworkError(_("Vul een e-mailadres of een telefoonnummer in."))
    for key, value in fields.items():
        setattr(candidate, key, value)
    candidate.save(update_fields=list(fields))
    log_change(
        by=by, council=candidate.vacancy.council, obj=candidate.vacancy, what="candidate changed"
    )
    return candidate


@transaction.atomic
def delete_candidate(*, candidate: Candidate, by) -> None:
    vacancy = candidate.vacancy
    candidate.delete()
    log_change(by=by, council=vacancy.council, obj=vacancy, what="candidate deleted")
