"""Demo Signalen: about 400 made-up signals of the demo councils over the past two years,
across themes, sectors and provinces — co-signed ones, signals in every state with the
organisation's answers, a few merged into another — and three dossiers with what was done and
quotes for their reports. Texts are in data/advocacy.yaml; every text starts with "Demo:".

The rows go straight into the tables in bulk (no mail, no audit entries for things no one
did), dated back over two years; the history is written in the order it happened. The
precomputed figures are rebuilt at the end. Made once: a second run leaves the signals as
they are. The same world every time (a fixed random seed, councils and people in pk order).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from raadsplein.advocacy import facts
from raadsplein.advocacy.models import (
    ClientsAffected,
    CoSignature,
    Dossier,
    DossierAction,
    HistoryEntry,
    HistoryKind,
    Signal,
    State,
)
from raadsplein.advocacy.report_models import ReportQuote
from raadsplein.knowledge import services as knowledge_services
from raadsplein.organisations.models import Council, Seat
from raadsplein.organisations.selectors import member_councils

from . import DEMO_DOMAIN, content

DAY = datetime.timedelta(days=1)
# The states in the order a signal passes them.
PATH = ["ontvangen", "in-behandeling", "in-dossier", "aangekaart", "resultaat", "gesloten"]


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _people_by_council(council_ids: list[int]) -> dict[int, list[int]]:
    today = timezone.localdate()
    found: dict[int, list[int]] = {}
    for council_id, person_id in (
        Seat.objects.filter(Seat.current_q(today), council_id__in=council_ids)
        .order_by("council_id", "person_id")
        .values_list("council_id", "person_id")
        .distinct()
    ):
        found.setdefault(council_id, []).append(person_id)
    return found


def _states_by_age(n: int, shares: dict[str, int], rng: random.Random) -> list[str]:
    """States for ``n`` signals from the youngest to the oldest: the young ones are received
    or being looked at, the older ones further along (mixed)."""
    counts = {slug: round(n * share / 100) for slug, share in shares.items()}
    young = ["ontvangen"] * counts["ontvangen"] + ["in-behandeling"] * counts["in-behandeling"]
    rest = [s for s in PATH[2:] for _ in range(counts[s])]
    rng.shuffle(rest)
    states = young + rest
    return (states + ["gesloten"] * n)[:n]


class _World:
    def __init__(self, data: dict, rng: random.Random, now: datetime.datetime) -> None:
        self.data, self.rng, self.now = data, rng, now
        self.states = {s.slug: s for s in State.objects.all()}
        names = sorted({t for spec in data["signals"] for t in spec["themes"]})
        names += sorted({t for d in data["dossiers"] for t in d["themes"]} - set(names))
        self.themes = dict(zip(names, knowledge_services.themes_by_name(names), strict=True))
        self.policy = get_user_model().objects.get(email=_email("beleid"))
        councils = list(
            member_councils()
            .filter(seats__isnull=False)
            .distinct()
            .order_by("pk")
            .prefetch_related("sectors")
        )
        self.people = _people_by_council([c.pk for c in councils])
        self.councils = [c for c in councils if self.people.get(c.pk)]
        self.sectors = {c.pk: sorted(c.sectors.all(), key=lambda s: s.code) for c in councils}
        self.history: list[HistoryEntry] = []
        self.history_at: list[datetime.datetime] = []

    def log(self, signal, kind, at, *, actor_id=None, state=None, text="", data=None):
        self.history.append(
            HistoryEntry(
                signal=signal,
                kind=kind,
                state=state,
                text=text,
                visible_to_councils=kind != HistoryKind.NOTE,
                actor_id=actor_id,
                data=data or {},
            )
        )
        self.history_at.append(at)


def _fixed_first(world: _World) -> list[tuple[Council, int | None]]:
    """The fixed members report a few of the first signals, so "Mijn signalen" shows them."""
    User = get_user_model()
    out = []
    for local, n in (("lid", 3), ("voorzitter", 2)):
        person = User.objects.filter(email=_email(local)).first()
        if person is None:
            continue
        seats = [c for c in world.councils if person.pk in world.people.get(c.pk, [])]
        out += [(seats[i % len(seats)], person.pk) for i in range(n) if seats]
    return out


def _signals(world: _World) -> list[Signal]:
    data, rng, now = world.data, world.rng, world.now
    n = data["signal_count"]
    ages = sorted(
        datetime.timedelta(days=rng.randint(0, data["days_back"]), hours=rng.randint(0, 23))
        for _ in range(n)
    )
    states = _states_by_age(n, data["states"], rng)
    fixed = _fixed_first(world)
    clients = list(ClientsAffected.values)
    signals = []
    for i in range(n):
        if i < len(fixed):
            council, reporter = fixed[i]
        else:
            council = world.councils[rng.randrange(len(world.councils))]
            reporter = rng.choice(world.people[council.pk])
        spec = data["signals"][rng.randrange(len(data["signals"]))]
        created = now - ages[i]
        slug = states[i]
        state = world.states[slug]
        answers = data["answers"].get(slug, [])
        closed = None
        if state.is_closed:
            closed = min(created + DAY * rng.randint(30, 240), now - DAY)
        signal = Signal(
            title=spec["title"],
            description=spec["description"].strip(),
            since=(created - DAY * rng.randint(10, 200)).date() if i % 2 == 0 else None,
            clients_affected=clients[i % len(clients)],
            province=council.province,
            provider_id=council.provider_id if i % 3 == 0 else None,
            provider_hidden=i % 6 != 0,
            council=council,
            reporter_id=reporter,
            named=i % 5 == 0,
            state=state,
            public_state=state,
            public_answer=answers[i % len(answers)] if answers else "",
            assigned_to=world.policy if slug != "ontvangen" else None,
            closed_at=closed,
        )
        signal._demo = {"created": created, "spec": spec, "path": PATH[: PATH.index(slug) + 1]}
        signals.append(signal)
    Signal.objects.bulk_create(signals, batch_size=500)
    for signal in signals:
        signal.created_at = signal._demo["created"]
        signal.updated_at = signal.closed_at or signal._demo["created"]
    Signal.objects.bulk_update(signals, ["created_at", "updated_at"], batch_size=500)

    themes_through, sectors_through = Signal.themes.through, Signal.sectors.through
    themes_through.objects.bulk_create(
        [
            themes_through(signal_id=s.pk, theme_id=world.themes[name].pk)
            for s in signals
            for name in s._demo["spec"]["themes"]
        ],
        batch_size=1000,
    )
    sectors_through.objects.bulk_create(
        [
            sectors_through(signal_id=s.pk, caresector_id=sector.pk)
            for s in signals
            for sector in world.sectors[s.council_id][:1]
        ],
        batch_size=1000,
    )
    return signals


def _history(world: _World, signals: list[Signal]) -> None:
    """Reported, then each state passed on the way to the current one; the answer with it."""
    now = world.now
    for signal in signals:
        created = signal._demo["created"]
        world.log(
            signal,
            HistoryKind.REPORTED,
            created,
            actor_id=signal.reporter_id,
            state=world.states["ontvangen"],
        )
        path = signal._demo["path"][1:]
        end = signal.closed_at or min(created + DAY * 120, now - DAY)
        for step, slug in enumerate(path, start=1):
            at = created + (end - created) * step / (len(path) + 1)
            last = step == len(path)
            world.log(
                signal,
                HistoryKind.STATE,
                max(at, created + datetime.timedelta(minutes=step)),
                actor_id=world.policy.pk,
                state=world.states[slug],
                text=signal.public_answer if last else "",
            )


def _cosignatures(world: _World, signals: list[Signal]) -> int:
    data, rng, now = world.data, world.rng, world.now
    rows, dates = [], []
    accounts = data["cosign_accounts"]
    for i, signal in enumerate(signals):
        if rng.random() >= data["cosigned_share"]:
            continue
        others = [c for c in world.councils if c.pk != signal.council_id]
        for k, council in enumerate(rng.sample(others, rng.randint(1, 4))):
            created = signal._demo["created"]
            at = min(created + DAY * rng.randint(1, 60), now - datetime.timedelta(hours=1))
            person = rng.choice(world.people[council.pk])
            sectors = world.sectors[council.pk]
            rows.append(
                CoSignature(
                    signal=signal,
                    council=council,
                    person_id=person,
                    account=accounts[(i + k) % len(accounts)],
                    sector=sectors[0] if sectors else None,
                    province=council.province,
                    named=(i + k) % 7 == 0,
                )
            )
            dates.append(at)
            world.log(
                signal,
                HistoryKind.COSIGNED,
                at,
                actor_id=person,
                data={"council": council.pk},
            )
    CoSignature.objects.bulk_create(rows, batch_size=500)
    for row, at in zip(rows, dates, strict=True):
        row.created_at = at
    CoSignature.objects.bulk_update(rows, ["created_at"], batch_size=500)
    return len(rows)


def _merge(world: _World, signals: list[Signal], keep: set[int]) -> int:
    """A few later signals with the same title as an earlier one went into it."""
    first_of: dict[str, Signal] = {}
    merged = []
    for i, signal in enumerate(signals):
        earlier = first_of.get(signal.title)
        if earlier is None:
            first_of[signal.title] = signal
            continue
        if signal.pk in keep or signal.reporter_id is None or signal.state.slug == "ontvangen":
            continue
        if len(merged) < world.data["merged"] and i % 5 == 0:
            signal.merged_into = earlier
            merged.append(signal)
            at = signal._demo["created"] + DAY
            for one, other in ((signal, earlier), (earlier, signal)):
                world.log(
                    one,
                    HistoryKind.MERGED,
                    min(at, world.now - DAY),
                    actor_id=world.policy.pk,
                    data={"into": earlier.pk, "from": signal.pk, "other": other.pk},
                )
    Signal.objects.bulk_update(merged, ["merged_into"])
    return len(merged)


def _dossiers(world: _World, signals: list[Signal]) -> tuple[int, int, set[int]]:
    data, today = world.data, timezone.localdate()
    along = set(PATH[2:])
    in_any: set[int] = set()
    n_actions = 0
    for spec in data["dossiers"]:
        chosen = [
            s
            for s in signals
            if s.title in spec["signal_titles"] and s.state.slug in along and s.pk not in in_any
        ][:25]
        dossier = Dossier.objects.create(
            title=spec["title"],
            summary=spec["summary"].strip(),
            outcome=(spec.get("outcome") or "").strip(),
            status=spec["status"],
            created_by=world.policy,
        )
        dossier.themes.set([world.themes[name] for name in spec["themes"]])
        dossier.signals.set(chosen)
        in_any |= {s.pk for s in chosen}
        for signal in chosen:
            world.log(
                signal,
                HistoryKind.DOSSIER,
                min(signal._demo["created"] + DAY * 14, world.now - DAY),
                actor_id=world.policy.pk,
                data={"dossier": dossier.pk},
            )
        actions = [
            DossierAction(
                dossier=dossier,
                kind=a["kind"],
                addressee=a.get("addressee", ""),
                title=a["title"],
                date=today - DAY * a["days_ago"],
                description=(a.get("description") or "").strip(),
                outcome=(a.get("outcome") or "").strip(),
                created_by=world.policy,
            )
            for a in spec["actions"]
        ]
        DossierAction.objects.bulk_create(actions)
        n_actions += len(actions)
        for index in spec.get("quotes", []):
            if index < len(chosen):
                source = chosen[index]
                # The first sentence after "Demo: ", word for word.
                text = source.description.removeprefix("Demo: ").split(". ")[0]
                ReportQuote.objects.create(
                    signal=source, dossier=dossier, text=text, chosen_by=world.policy
                )
    return len(data["dossiers"]), n_actions, in_any


@transaction.atomic
def build(*, log) -> None:
    if Signal.objects.filter(description__startswith="Demo:").exists():
        log("Signalen: de demosignalen bestaan al")
        return
    data = content.load_yaml("advocacy.yaml")
    world = _World(data, random.Random(13), timezone.now())
    signals = _signals(world)
    _history(world, signals)
    n_cosigned = _cosignatures(world, signals)
    n_dossiers, n_actions, in_dossiers = _dossiers(world, signals)
    keep = in_dossiers | {s.pk for s in signals[:5]}
    n_merged = _merge(world, signals, keep)
    # Written in the order it happened; the dates are set after the insert (auto_now_add).
    order = sorted(range(len(world.history)), key=lambda i: world.history_at[i])
    entries = [world.history[i] for i in order]
    HistoryEntry.objects.bulk_create(entries, batch_size=1000)
    for entry, i in zip(entries, order, strict=True):
        entry.created_at = world.history_at[i]
    # A queryset update, as the retention task does: the demo's history is dated back.
    HistoryEntry.objects.bulk_update(entries, ["created_at"], batch_size=1000)
    facts.rebuild()
    log(
        f"Signalen: {len(signals)} demosignalen, {n_cosigned} keer 'wij zien dit ook', "
        f"{n_merged} samengevoegd, {n_dossiers} dossiers met {n_actions} acties"
    )
