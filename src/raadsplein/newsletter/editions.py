"""Composing editions: a new edition from the automatic draft of the week (``draft.py``),
editing its title and blocks, reordering, and the test send to oneself.

Only drafts and scheduled editions can be changed; once an edition is queued for sending it is
read-only, so what the archive shows is what went out. Every service locks the edition row
(``locked_editable``), so two editors saving at once do not interleave their reorderings.
"""

import datetime
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from raadsplein.audit import services as audit

from . import draft as drafting
from .models import Edition, EditionItem, EditionStatus, ItemKind, Subscriber
from .services import NewsletterError

EDITABLE = (EditionStatus.DRAFT, EditionStatus.SCHEDULED)
TEST_PREFIX = "[TEST] "


def locked_editable(edition: Edition) -> Edition:
    """The edition, locked for this transaction, or ``NewsletterError`` when it went out."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status not in EDITABLE:
        raise NewsletterError(
            _("Deze editie is al verstuurd of wordt verstuurd. U kunt hem niet meer wijzigen.")
        )
    return edition


def _clean_text(value: str, *, field: str, max_length: int, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise NewsletterError(_("Vul %(field)s in.") % {"field": field})
    if len(value) > max_length:
        raise NewsletterError(
            _("%(field)s is te lang: hooguit %(n)s tekens.") % {"field": field, "n": max_length}
        )
    return value


def _clean_url(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError as error:
        raise NewsletterError(
            _(
                "De link is geen geldig webadres. Begin met https://, bijvoorbeeld https://raadsplein.nl/."
            )
        ) from error
    if len(value) > 500:
        raise NewsletterError(_("De link is te lang: hooguit 500 tekens."))
    return value


@transaction.atomic
def create_edition(
    *,
    by,
    week_of: datetime.date | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Edition:
    """A new draft edition with the automatic draft of the week as its blocks."""
    if week_of is not None and week_of.weekday() != 0:
        raise NewsletterError(_("Kies de maandag van de week."))
    composed = drafting.compose(week_of=week_of, today=today, now=now)
    edition = Edition.objects.create(
        title=composed.title,
        subject=composed.subject,
        intro=composed.intro,
        week_of=composed.week_of,
        status=EditionStatus.DRAFT,
        created_by=by,
    )
    EditionItem.objects.bulk_create(
        EditionItem(
            edition=edition,
            position=n,
            kind=item.kind,
            heading=item.heading[:200],
            text=item.text,
            url=item.url[:500],
            page_id=item.page_id,
            sector_id=item.sector_id,
            members_only=item.members_only,
        )
        for n, item in enumerate(composed.items, start=1)
    )
    return edition


@transaction.atomic
def update_edition(*, edition: Edition, by, title: str, subject: str, intro: str) -> Edition:
    edition = locked_editable(edition)
    edition.title = _clean_text(title, field=_("de titel"), max_length=160, required=True)
    edition.subject = _clean_text(
        subject, field=_("de onderwerpregel"), max_length=160, required=True
    )
    edition.intro = _clean_text(intro, field=_("de inleiding"), max_length=4000)
    edition.save(update_fields=["title", "subject", "intro", "updated_at"])
    return edition


def _clean_item(heading, text, url, sector, members_only) -> dict:
    return {
        "heading": _clean_text(heading, field=_("de kop"), max_length=200, required=True),
        "text": _clean_text(text, field=_("de tekst"), max_length=4000),
        "url": _clean_url(url),
        "sector": sector,
        "members_only": bool(members_only),
    }


@transaction.atomic
def update_item(
    *, item: EditionItem, by, heading: str, text: str, url: str, sector=None, members_only=False
) -> EditionItem:
    locked_editable(item.edition)
    values = _clean_item(heading, text, url, sector, members_only)
    item = EditionItem.objects.select_for_update().get(pk=item.pk)
    for name, value in values.items():
        setattr(item, name, value)
    item.save(update_fields=list(values))
    return item


@transaction.atomic
def add_text_item(
    *,
    edition: Edition,
    by,
    heading: str,
    text: str,
    url: str = "",
    sector=None,
    members_only=False,
) -> EditionItem:
    """A block the editor writes, added at the end."""
    edition = locked_editable(edition)
    values = _clean_item(heading, text, url, sector, members_only)
    last = edition.items.aggregate(last=Max("position"))["last"] or 0
    return EditionItem.objects.create(
        edition=edition, position=last + 1, kind=ItemKind.TEXT, **values
    )


@transaction.atomic
def remove_item(*, item: EditionItem, by) -> None:
    locked_editable(item.edition)
    EditionItem.objects.filter(pk=item.pk).delete()


@transaction.atomic
def move_item(*, item: EditionItem, by, direction: str) -> EditionItem:
    """Move a block one place up or down; positions are renumbered 1…n, so gaps and equal
    positions from earlier edits are straightened out as well."""
    if direction not in ("up", "down"):
        raise NewsletterError(_("Kies omhoog of omlaag."))
    edition = locked_editable(item.edition)
    order = list(edition.items.order_by("position", "pk"))
    index = next((n for n, other in enumerate(order) if other.pk == item.pk), None)
    if index is None:
        raise NewsletterError(_("Dit onderdeel hoort niet bij deze editie."))
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(order):
        order[index], order[target] = order[target], order[index]
    for position, other in enumerate(order, start=1):
        other.position = position
    EditionItem.objects.bulk_update(order, ["position"])
    return next(other for other in order if other.pk == item.pk)


def editor_as_subscriber(user) -> tuple[Subscriber, set | None]:
    """How the editor would get the newsletter: their own subscriber row if they have one,
    else an unsaved stand-in with their name (every block). Second value: the sectors to
    render for (``None``: read them from the row)."""
    own = Subscriber.objects.filter(user=user).first() or (
        Subscriber.objects.filter(email=(user.email or "").lower()).first()
    )
    if own is not None:
        return own, None
    return Subscriber(email=user.email, name=user.get_full_name(), user=user), set()


@transaction.atomic
def send_test(*, edition: Edition, by) -> str:
    """Send the edition to the editor's own address only, as they would get it, with
    "[TEST] " before the subject. Creates no delivery record. The address it went to."""
    from .messages import Renderer

    if not by.email:
        raise NewsletterError(_("Uw account heeft geen e-mailadres. Een test kan nergens heen."))
    edition = Edition.objects.get(pk=edition.pk)
    subscriber, sector_ids = editor_as_subscriber(by)
    message = Renderer(edition).build(subscriber, sector_ids=sector_ids)
    message.subject = TEST_PREFIX + message.subject
    message.to = [by.email]
    message.cc, message.bcc, message.reply_to = [], [], []
    # A bounce of a test must not count against anyone's address.
    message.from_email = settings.NEWSLETTER_FROM_EMAIL
    message.extra_headers = replace_headers(message.extra_headers)
    audit.log(actor=by, action="newsletter.edition.test_sent", obj=edition, data={"to": by.email})
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        # The audit entry rolls back with the transaction: nothing was sent.
        raise NewsletterError(
            _(
                "De testversie kon niet worden verstuurd: de mailserver gaf geen gehoor. "
                "Probeer het over een paar minuten opnieuw."
            )
        ) from error
    return by.email


def replace_headers(headers: dict) -> dict:
    """A test message's headers: no bulk markers, a Message-ID of its own."""
    from django.core.mail import make_msgid

    from raadsplein.web import links

    headers = {k: v for k, v in headers.items() if k not in ("Precedence", "Message-ID")}
    headers["Message-ID"] = make_msgid(domain=links.domain())
    return headers


def preview_reader(*, address: str = "", example: str = "") -> tuple[Subscriber, set | None]:
    """Whom a preview shows the edition to: the subscriber with ``address`` (their own
    sectors), or an unsaved example reader of sector ``example`` ("": no sector chosen, so
    every block). ``NewsletterError`` when no subscriber has that address."""
    from raadsplein.organisations.models import CareSector

    address = (address or "").strip().lower()
    if address:
        subscriber = Subscriber.objects.select_related("user").filter(email=address).first()
        if subscriber is None:
            raise NewsletterError(_("Er is geen abonnee met dit e-mailadres."))
        return subscriber, None
    reader = Subscriber(email="voorbeeld@demo.raadsplein.nl", name=_("Voorbeeldlezer"))
    if example:
        if not CareSector.objects.filter(pk=example).exists():
            raise NewsletterError(_("Kies een sector uit de lijst."))
        return reader, {example}
    return reader, set()


def edition_list():
    """Editions for the editors' list, newest first, with counts as correlated subqueries
    (blocks, sent deliveries), so the list is one query however many rows it shows."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from .models import Delivery, DeliveryStatus

    def counted(qs):
        rows = qs.order_by().values("edition").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    return Edition.objects.annotate(
        item_count=counted(EditionItem.objects.filter(edition=OuterRef("pk"))),
        sent_count=counted(
            Delivery.objects.filter(edition=OuterRef("pk"), status=DeliveryStatus.SENT)
        ),
    ).order_by("-week_of", "-pk")
