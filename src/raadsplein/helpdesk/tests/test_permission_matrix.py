"""The Vraagbaak's permission matrix: every helpdesk URL × every kind of visitor, asserting
what is on the page when the visitor is let in, and that a refusal shows nothing of the
question.

Who is who: the asker (a seat on council Alfa) asked one question for herself and one shared
with her council, and asked for tailored support; a colleague sits on Alfa; a member of
council Bravo; an expert of the Bouwpool (no seat anywhere) to whom the first question was
forwarded; the desk's advisor, an editor and an administrator.

A question is found in the viewer's scope first, so a question outside it answers 404 to
everyone, anonymous visitors included (nobody learns that number exists); staff screens answer
404 to whoever is not on the desk, and send anonymous visitors to sign-in.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.helpdesk import attachments, pools, satisfaction, services
from raadsplein.helpdesk.mail_models import InboundMail
from raadsplein.helpdesk.models import Kind, Status, SupportKind
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "nonmember",
    "asker",
    "colleague",
    "other_member",
    "expert",
    "adviseur",
    "redacteur",
    "beheerder",
]
DESK = {"adviseur", "beheerder"}
STAFF = DESK | {"redacteur"}
MEMBERS = {"asker", "colleague", "other_member"} | STAFF

PRIVATE = "Mag de bestuurder het adviesrecht overslaan bij de nieuwe dagbesteding?"
PRIVATE_SUBJECT = "Adviesrecht dagbesteding"
SHARED = "Hoe vaak moet de bestuurder met de raad overleggen?"
SHARED_SUBJECT = "Overlegvergadering"
SUPPORT_SUBJECT = "Training over de begroting"
CLOSED_SUBJECT = "Vraag over de jaarrekening"
FILE_BYTES = b"%PDF-1.4\n% matrix test\n"
MAIL_SUBJECT = "Vraag per mail over de klachtenregeling"
MEMBERS_PAGE = "alleen voor leden"


def _build():
    alfa = MemberCouncilFactory(name="Cliëntenraad Alfa")
    bravo = MemberCouncilFactory(name="Cliëntenraad Bravo")
    asker = member(council=alfa, first_name="Anneke", last_name="Alfa")
    desk = adviseur()
    private = attachments.ask_with_files(
        files=[("notulen.pdf", FILE_BYTES, "application/pdf")],
        asker=asker,
        subject=PRIVATE_SUBJECT,
        question=PRIVATE,
        council=alfa,
    )
    shared = services.ask(
        asker=asker,
        subject=SHARED_SUBJECT,
        question=SHARED,
        council=alfa,
        share_with_council=True,
    )
    support = services.ask(
        asker=asker,
        subject=SUPPORT_SUBJECT,
        question="Wij willen graag een training over het lezen van de begroting.",
        council=alfa,
        kind=Kind.SUPPORT,
        support_kind=SupportKind.TRAINING,
    )
    from raadsplein.helpdesk import support as support_service

    support_service.set_appointment(
        question=support, when=timezone.now() + datetime.timedelta(days=7), actor=desk
    )
    closed = services.ask(
        asker=asker,
        subject=CLOSED_SUBJECT,
        question="Wanneer krijgen wij de jaarrekening te zien?",
        council=alfa,
    )
    services.reply(question=closed, advisor=desk, body="Voor 1 juni.")
    services.set_status(question=closed, status=Status.CLOSED, actor=desk)
    answer = attachments.reply_with_files(
        files=[("bijlage.pdf", FILE_BYTES, "application/pdf")],
        question=private,
        advisor=desk,
        body="Wij zoeken het uit.",
        then=Status.OPEN,
    )
    expert = UserFactory(first_name="Evert", last_name="Expert")
    pool = pools.create_pool(name="Bouwpool", slug="bouwpool")
    pools.add_member(
        pool=pool, user=expert, since=timezone.localdate() - datetime.timedelta(days=30), by=desk
    )
    forward = pools.forward(
        question=private, pool=pool, by=desk, note="Kijk mee.", messages=[answer]
    )
    inbound = InboundMail.objects.create(
        message_id="<matrix@example.org>",
        subject=MAIL_SUBJECT,
        raw=f"Subject: {MAIL_SUBJECT}\r\n\r\nTekst".encode(),
    )
    return {
        "users": {
            "anonymous": None,
            "nonmember": UserFactory(first_name="Niels"),
            "asker": asker,
            "colleague": member(council=alfa, first_name="Cor", last_name="Collega"),
            "other_member": member(council=bravo, first_name="Bert", last_name="Bravo"),
            "expert": expert,
            "adviseur": desk,
            "redacteur": redacteur(),
            "beheerder": beheerder(),
        },
        "private": private,
        "shared": shared,
        "support": support,
        "closed": closed,
        "file": private.attachments.get(original_name="notulen.pdf"),
        "forward": forward,
        "shared_file": answer.attachments.get(),
        "inbound": inbound,
    }


def _to_sign_in(response):
    return response.status_code == 302 and reverse("account_login") in response["Location"]


def _cases(w):
    """(name, url, {role: (status, must_contain)}, default (status, must_contain), absent).

    ``absent`` is text that must not be on the page of any role that gets the default."""
    p, s = w["private"], w["shared"]
    refused_404 = (404, None)
    sign_in = ("sign-in", None)
    members_page = (403, MEMBERS_PAGE)
    desk_only = {"anonymous": sign_in, **dict.fromkeys(DESK, (200, None))}

    return [
        (
            "ask",
            reverse("helpdesk:ask"),
            {"anonymous": sign_in, "nonmember": members_page, "expert": members_page},
            (200, 'name="subject"'),
            None,
        ),
        (
            "support",
            reverse("helpdesk:support"),
            {"anonymous": sign_in, "nonmember": members_page, "expert": members_page},
            (200, 'name="support_kind"'),
            None,
        ),
        (
            "my_questions",
            reverse("helpdesk:my_questions"),
            {"anonymous": sign_in, "asker": (200, PRIVATE_SUBJECT)},
            (200, None),
            PRIVATE_SUBJECT,
        ),
        (
            "private question",
            reverse("helpdesk:question", args=[p.pk]),
            {"asker": (200, PRIVATE)},
            refused_404,
            PRIVATE,
        ),
        (
            "shared question",
            reverse("helpdesk:question", args=[s.pk]),
            {"asker": (200, SHARED), "colleague": (200, SHARED)},
            refused_404,
            SHARED,
        ),
        (
            "sent",
            reverse("helpdesk:asked", args=[p.pk]),
            {"asker": (200, p.reference)},
            refused_404,
            p.reference,
        ),
        (
            "reply (GET goes to the question)",
            reverse("helpdesk:reply", args=[s.pk]),
            {"asker": (302, None), "colleague": (302, None)},
            refused_404,
            SHARED,
        ),
        (
            "appointment ics",
            reverse("helpdesk:appointment_ics", args=[w["support"].pk]),
            {"asker": (200, "BEGIN:VCALENDAR")},
            refused_404,
            "VCALENDAR",
        ),
        (
            "attachment",
            reverse("helpdesk:attachment", args=[p.pk, w["file"].pk]),
            {"asker": (200, "matrix test"), **dict.fromkeys(DESK, (200, "matrix test"))},
            refused_404,
            "matrix test",
        ),
        (
            "score (GET goes to the question)",
            reverse("helpdesk:score", args=[w["closed"].pk]),
            {"asker": (302, None)},
            refused_404,
            CLOSED_SUBJECT,
        ),
        (
            "score by link (the signed link is the key)",
            reverse("helpdesk:satisfaction", args=[satisfaction.make_token(w["closed"], 4)]),
            {},
            (200, 'name="score"'),
            None,
        ),
        (
            "expert list",
            reverse("helpdesk:expert_list"),
            {"anonymous": sign_in, "expert": (200, PRIVATE_SUBJECT)},
            refused_404,
            PRIVATE_SUBJECT,
        ),
        (
            "expert forward",
            reverse("helpdesk:expert_forward", args=[w["forward"].pk]),
            {"expert": (200, PRIVATE)},
            refused_404,
            PRIVATE,
        ),
        (
            "expert attachment",
            reverse("helpdesk:expert_attachment", args=[w["forward"].pk, w["shared_file"].pk]),
            {"expert": (200, "matrix test")},
            refused_404,
            "matrix test",
        ),
        (
            "queue",
            reverse("helpdesk_staff:queue"),
            dict.fromkeys(DESK, (200, "Alle open vragen")) | {"anonymous": sign_in},
            refused_404,
            PRIVATE_SUBJECT,
        ),
        (
            "queue view: all open questions",
            reverse("helpdesk_staff:queue_view", args=["open"]),
            dict.fromkeys(DESK, (200, PRIVATE_SUBJECT)) | {"anonymous": sign_in},
            refused_404,
            PRIVATE_SUBJECT,
        ),
        (
            "staff question",
            reverse("helpdesk_staff:question", args=[p.pk]),
            dict.fromkeys(DESK, (200, PRIVATE)) | {"anonymous": sign_in},
            refused_404,
            PRIVATE,
        ),
        (
            "log a call",
            reverse("helpdesk_staff:log_call"),
            desk_only,
            refused_404,
            None,
        ),
        ("figures", reverse("helpdesk_staff:figures"), desk_only, refused_404, None),
        (
            "figures csv",
            reverse("helpdesk_staff:figures_export", args=["csv"]),
            desk_only,
            refused_404,
            None,
        ),
        (
            "forward form",
            reverse("helpdesk_staff:forward", args=[p.pk]),
            dict.fromkeys(DESK, (200, "Bouwpool")) | {"anonymous": sign_in},
            refused_404,
            PRIVATE,
        ),
        (
            "signal form",
            reverse("helpdesk_staff:signal", args=[p.pk]),
            desk_only,
            refused_404,
            PRIVATE,
        ),
        (
            "inbound mail list",
            reverse("helpdesk_staff:inbound_list"),
            desk_only,
            refused_404,
            None,
        ),
        (
            "inbound raw mail",
            reverse("helpdesk_staff:inbound_raw", args=[w["inbound"].pk]),
            dict.fromkeys(DESK, (200, MAIL_SUBJECT)) | {"anonymous": sign_in},
            refused_404,
            MAIL_SUBJECT,
        ),
    ]


# POST-only staff actions: whoever is not on the desk is refused before anything happens.
POST_ONLY = [
    ("helpdesk_staff:appointment", "support"),
    ("helpdesk_staff:withdraw_forward", "forward"),
    ("helpdesk_staff:make_faq", "private"),
]


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_every_helpdesk_url_for_each_kind_of_visitor(client, role):
    w = _build()
    user = w["users"][role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name, url, expected, default, absent in _cases(w):
        status, text = expected.get(role, default)
        response = client.get(url)
        body = _body(response)
        if status == "sign-in":
            ok = _to_sign_in(response)
        else:
            ok = response.status_code == status and (text is None or text in body)
        if ok and role not in expected and absent and absent in body:
            ok = False
        if not ok:
            wrong.append(f"{name}: {response.status_code} (expected {status}, {text!r})")
    for url_name, obj in POST_ONLY:
        if role in DESK:
            continue
        response = client.post(reverse(url_name, args=[w[obj].pk]), {})
        expected = "sign-in" if role == "anonymous" else 404
        ok = _to_sign_in(response) if expected == "sign-in" else response.status_code == 404
        if not ok:
            wrong.append(f"POST {url_name}: {response.status_code} (expected {expected})")
    assert wrong == [], f"{role}: " + "; ".join(wrong)


def test_refused_post_only_actions_change_nothing(client):
    w = _build()
    client.force_login(w["users"]["other_member"])
    w["support"].refresh_from_db()
    before = w["support"].appointment_at
    client.post(reverse("helpdesk_staff:appointment", args=[w["support"].pk]), {"when": ""})
    client.post(reverse("helpdesk_staff:withdraw_forward", args=[w["forward"].pk]))
    w["support"].refresh_from_db()
    w["forward"].refresh_from_db()
    assert w["support"].appointment_at == before
    assert w["forward"].withdrawn_at is None
