"""Benchmark: the Vraagbaak's inbound mail. BENCH_MAILS (1,000) mails through
``mail.inbound.receive`` (what ``receive_mail`` and ``fetch_mail`` call), on PostgreSQL:
new questions, replies threaded by In-Reply-To, by the reply token and by the subject number,
and forged replies (another member's In-Reply-To) that must not thread. Prints mails/s and
checks that every reply landed in its question and no forged one did.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench .venv/bin/python \
        bench/bench_receive_mail.py

The bench's people use the domain bench-mail.invalid; their rows are deleted before and after.
Acknowledgements are enqueued as in production (immediate backend here, mail to dummymail).
"""

import os
import random
import sys
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("EMAIL_URL", "dummymail://")

MAILS = int(os.environ.get("BENCH_MAILS", "1000"))
PEOPLE = 100
DOMAIN = "bench-mail.invalid"


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def clean():
    from raadsplein.accounts.models import User
    from raadsplein.helpdesk.models import InboundMail, Question

    Question.objects.filter(asker_email__endswith="@" + DOMAIN).delete()
    InboundMail.objects.filter(sender__endswith="@" + DOMAIN).delete()
    User.objects.filter(email__endswith="@" + DOMAIN).delete()


def mail(sender, subject, body, **headers) -> bytes:
    from raadsplein.helpdesk.mail.headers import new_message_id

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = headers.pop("To", "vraagbaak@raadsplein.nl")
    msg["Subject"] = subject
    msg["Message-ID"] = new_message_id()
    for name, value in headers.items():
        msg[name] = value
    msg.set_content(
        body + "\n\nMet vriendelijke groet,\nBench\n\nOp 1 dec. 2026 om 10:00 schreef "
        "Vraagbaak <vraagbaak@raadsplein.nl>:\n> Eerder bericht\n"
    )
    return msg.as_bytes()


def main():
    setup_django()
    from raadsplein.accounts.models import User
    from raadsplein.helpdesk.mail import headers, inbound
    from raadsplein.helpdesk.models import InboundMail, InboundOutcome, Question

    clean()
    people = [
        User.objects.create_user(f"p{i}@{DOMAIN}", first_name=f"Persoon{i}") for i in range(PEOPLE)
    ]
    rng = random.Random(12)
    open_questions: list[tuple[int, str, str]] = []  # (pk, asker address, first message id)
    expected: dict[str, int | None] = {}  # message id → question pk it must land in (None: new)
    n_new = n_reply = n_forged = 0
    elapsed = 0.0
    for i in range(MAILS):
        person = rng.choice(people)
        roll = rng.random()
        if not open_questions or roll < 0.4:
            raw, kind = mail(person.email, f"Vraag {i}", f"Vraag nummer {i}."), "new"
        else:
            pk, address, first_id = rng.choice(open_questions)
            question = Question.objects.only("reply_token").get(pk=pk)
            if roll < 0.95:
                how = rng.choice(["in-reply-to", "token", "subject"])
                extra = {
                    "in-reply-to": {"In-Reply-To": first_id},
                    "token": {"To": headers.reply_address(question)},
                    "subject": {},
                }[how]
                subject = f"Re: [Vraagbaak #{pk}] x" if how == "subject" else "Re: x"
                raw, kind = mail(address, subject, f"Reactie {i}.", **extra), pk
            else:  # forged: someone else's reply headers
                other = rng.choice([p for p in people if p.email != address])
                raw = mail(
                    other.email, f"Re: [Vraagbaak #{pk}]", "Vervalst.", **{"In-Reply-To": first_id}
                )
                kind = "forged"
        start = time.perf_counter()
        outcome = inbound.receive(raw)
        elapsed += time.perf_counter() - start
        mid = InboundMail.objects.filter(pk=outcome.inbound_pk).values_list(
            "message_id", flat=True
        )[0]
        if kind == "new":
            n_new += 1
            expected[mid] = None
            open_questions.append((outcome.question_pk, person.email, mid))
        elif kind == "forged":
            n_forged += 1
            expected[mid] = -pk  # must NOT be pk
        else:
            n_reply += 1
            expected[mid] = kind
    wrong = 0
    rows = dict(
        InboundMail.objects.filter(sender__endswith="@" + DOMAIN).values_list(
            "message_id", "question_id"
        )
    )
    outcomes = dict(
        InboundMail.objects.filter(sender__endswith="@" + DOMAIN).values_list(
            "message_id", "outcome"
        )
    )
    for mid, want in expected.items():
        got = rows.get(mid)
        if want is None:
            wrong += outcomes[mid] != InboundOutcome.QUESTION
        elif want < 0:
            wrong += got == -want
        else:
            wrong += got != want or outcomes[mid] != InboundOutcome.REPLY
    print(
        f"{MAILS} mails ({n_new} new, {n_reply} replies, {n_forged} forged) in {elapsed:.1f} s: "
        f"{MAILS / elapsed:.0f} mails/s, {1000 * elapsed / MAILS:.1f} ms per mail; "
        f"threading wrong: {wrong}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
    )
    clean()
    if wrong:
        sys.exit(1)


if __name__ == "__main__":
    main()
