"""What Raadswerk keeps about a person, for "Mijn gegevens" (export) and erasure.

A council's workspace is the council's: its meetings, letters, scheme versions and
achterban contacts stay when a member's account is erased, but no longer point to them.
The export gives the person what they wrote or made (achterban contacts, scheme versions and
comments, letters), their onboarding checklists, the agendas they were sent, the actions
they own and the accesses a council gave them as an advisor. Erasure sets every link to the
person to empty (a scheme version or comment then reads "Verwijderd account"), deletes the
onboarding checklists of their seats and the record of which agendas went to them, and ends
any advisor's access they still had.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    ActionItem,
    AdvisorAccess,
    AgendaItem,
    AnnualReport,
    ConstituencyContact,
    CouncilDocument,
    Decision,
    Letter,
    Meeting,
    MeetingNotice,
    Onboarding,
    SchemeComment,
    SchemeSettings,
    SchemeVersion,
    Trajectory,
    TrajectoryStep,
    Vacancy,
)

ERASED_AUTHOR = "Verwijderd account"


def _iso(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def export_councilwork_data(user) -> dict:
    from . import onboarding

    labels = {step.key: str(step.label) for step in onboarding.STEPS}
    return {
        "achterban": [
            {
                "raad": c.council.name,
                "datum": _iso(c.held_on),
                "soort": c.get_kind_display(),
                "wie_bereikt": c.reached,
                "wat_gehoord": c.heard,
            }
            for c in ConstituencyContact.objects.filter(created_by=user)
            .select_related("council")
            .order_by("held_on", "pk")
        ],
        "regeling_versies": [
            {
                "raad": v.council.name,
                "versie": v.number,
                "wat_veranderd": v.note,
                "gemaakt_op": _iso(v.created_at),
            }
            for v in SchemeVersion.objects.filter(author=user)
            .select_related("council")
            .order_by("created_at", "pk")
        ],
        "regeling_opmerkingen": [
            {
                "raad": c.version.council.name,
                "versie": c.version.number,
                "bij_de_tekst": c.passage,
                "opmerking": c.body,
                "gemaakt_op": _iso(c.created_at),
            }
            for c in SchemeComment.objects.filter(author=user)
            .select_related("version__council")
            .order_by("created_at", "pk")
        ],
        "brieven": [
            {
                "raad": letter.council.name,
                "soort": letter.get_kind_display(),
                "onderwerp": letter.subject_line,
                "gemaakt_op": _iso(letter.created_at),
            }
            for letter in Letter.objects.filter(created_by=user)
            .select_related("council")
            .order_by("created_at", "pk")
        ],
        "inwerklijsten": [
            {
                "raad": o.seat.council.name,
                "gedaan": [labels.get(key, key) for key in o.done],
                "bijgewerkt_op": _iso(o.updated_at),
            }
            for o in Onboarding.objects.filter(seat__person=user)
            .select_related("seat__council")
            .order_by("created_at", "pk")
        ],
        "agendas_ontvangen": [
            {
                "raad": n.meeting.council.name,
                "vergadering": n.meeting.title,
                "datum_vergadering": _iso(n.meeting.starts_at),
                "verstuurd_op": _iso(n.sent_at),
            }
            for n in MeetingNotice.objects.filter(person=user)
            .select_related("meeting__council")
            .order_by("sent_at", "pk")
        ],
        "acties": [
            {
                "raad": a.council.name,
                "actie": a.text,
                "klaar_op": _iso(a.due_on),
                "gedaan_op": _iso(a.done_at),
            }
            for a in ActionItem.objects.filter(owner=user)
            .select_related("council")
            .order_by("created_at", "pk")
        ],
        "toegang_als_adviseur": [
            {
                "raad": a.council.name,
                "vanaf": _iso(a.starts_on),
                "tot_en_met": _iso(a.ends_on),
                "waarvoor": a.reason,
                "ingetrokken_op": _iso(a.revoked_at),
            }
            for a in AdvisorAccess.objects.filter(advisor=user)
            .select_related("council")
            .order_by("starts_on", "pk")
        ],
    }


@transaction.atomic
def erase_councilwork_data(user) -> None:
    """Unlink the person from the councils' records; delete what is only about them."""
    now = timezone.now()
    ConstituencyContact.objects.filter(created_by=user).update(created_by=None)
    SchemeVersion.objects.filter(author=user).update(author=None, author_label=ERASED_AUTHOR)
    SchemeComment.objects.filter(author=user).update(author=None, author_label=ERASED_AUTHOR)
    SchemeComment.objects.filter(resolved_by=user).update(resolved_by=None)
    Letter.objects.filter(created_by=user).update(created_by=None)
    Onboarding.objects.filter(seat__person=user).delete()
    MeetingNotice.objects.filter(person=user).delete()
    ActionItem.objects.filter(owner=user).update(owner=None)
    ActionItem.objects.filter(done_by=user).update(done_by=None)
    AgendaItem.objects.filter(owner=user).update(owner=None)
    Meeting.objects.filter(created_by=user).update(created_by=None)
    Decision.objects.filter(created_by=user).update(created_by=None)
    Trajectory.objects.filter(created_by=user).update(created_by=None)
    TrajectoryStep.objects.filter(by=user).update(by=None)
    CouncilDocument.objects.filter(uploaded_by=user).update(uploaded_by=None)
    Vacancy.objects.filter(created_by=user).update(created_by=None)
    AnnualReport.objects.filter(updated_by=user).update(updated_by=None)
    SchemeSettings.objects.filter(updated_by=user).update(updated_by=None)
    AdvisorAccess.objects.filter(granted_by=user).update(granted_by=None)
    AdvisorAccess.objects.filter(revoked_by=user).update(revoked_by=None)
    AdvisorAccess.objects.filter(advisor=user, revoked_at__isnull=True).update(revoked_at=now)


LABELS = {
    "achterban": _("Contacten met de achterban die u vastlegde"),
    "raad": _("Raad"),
    "datum": _("Datum"),
    "soort": _("Soort"),
    "wie_bereikt": _("Wie bereikt"),
    "wat_gehoord": _("Wat de raad hoorde"),
    "regeling_versies": _("Versies van de medezeggenschapsregeling die u schreef"),
    "versie": _("Versie"),
    "wat_veranderd": _("Wat er veranderde"),
    "gemaakt_op": _("Gemaakt op"),
    "regeling_opmerkingen": _("Uw opmerkingen bij de regeling"),
    "bij_de_tekst": _("Bij de tekst"),
    "opmerking": _("Opmerking"),
    "brieven": _("Brieven die u maakte"),
    "onderwerp": _("Onderwerp"),
    "inwerklijsten": _("Uw inwerklijst"),
    "gedaan": _("Gedaan"),
    "bijgewerkt_op": _("Bijgewerkt op"),
    "agendas_ontvangen": _("Agenda's die u kreeg"),
    "vergadering": _("Vergadering"),
    "datum_vergadering": _("Datum van de vergadering"),
    "verstuurd_op": _("Verstuurd op"),
    "acties": _("Acties op uw naam"),
    "actie": _("Actie"),
    "klaar_op": _("Klaar op"),
    "gedaan_op": _("Gedaan op"),
    "toegang_als_adviseur": _("Toegang die raden u als adviseur gaven"),
    "vanaf": _("Vanaf"),
    "tot_en_met": _("Tot en met"),
    "waarvoor": _("Waarvoor"),
    "ingetrokken_op": _("Ingetrokken op"),
}


def register() -> None:
    from raadsplein.accounts import personal_data

    personal_data.register(
        key="councilwork",
        label=_("Raadswerk"),
        export=export_councilwork_data,
        erase=erase_councilwork_data,
        labels=LABELS,
    )
