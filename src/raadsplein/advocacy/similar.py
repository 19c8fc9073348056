"""Similar signals while a member types ("Wij zien dit ook").

From the title and description typed so far, up to five shared signals of other councils
that seem to be about the same thing, so that the member can co-sign one instead of reporting
it again.

- PostgreSQL: a Dutch full-text match (any of the typed words, stemmed; GIN index on
  ``to_tsvector('dutch', title || ' ' || description)``) or a trigram word similarity on the
  title (``pg_trgm``, GIN index; tolerates typos), ranked by both. Indexes: migration
  ``0005_similar_search``.
- Other databases (SQLite in development): signals containing any of the typed words, ranked
  by how many distinct words they share (on at most ``FALLBACK_CANDIDATES`` recent ones).

Only what other councils may see is returned (``selectors.shared_signals``: not merged away);
signals of the member's own councils, and those they co-signed already, are left out (they
are under "Mijn signalen").
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Exists, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from . import selectors
from .models import Signal

LIMIT = 5
MAX_WORDS = 12
MIN_CHARS = 4  # fewer typed characters than this: no suggestions yet
FALLBACK_CANDIDATES = 300

# Common Dutch words that say nothing about what a signal is about.
_STOPWORDS_TEXT = """
    aan al alle alleen als altijd ander andere bij bijna daar dan dat de deze die dit doen door
    dus een eens elke en er ervoor geen geeft gaan gaat had heb hebben heeft hem het hier hij
    hoe hun iemand iets ik in is ja je kan kunnen maar me meer men met mij mijn moet moeten na
    naar niet niets nog nu of om omdat ons onze ook op over per raad sinds steeds te tegen toch
    toe tot u uit uw van veel voor waar wat we wel welke werd wie wij wordt worden zal ze zelf
    zich zij zijn zo zonder zoals zou zouden cliënten cliënt bewoners bewoner signaal zorg
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

_WORD = re.compile(r"[0-9a-zà-öø-ÿ]+", re.IGNORECASE)

# The same expression as the index in migration 0005 (unqualified columns in the index,
# qualified here because the query joins other tables).
_DOCUMENT = (
    "to_tsvector('dutch'::regconfig, "
    '"advocacy_signal"."title" || \' \' || "advocacy_signal"."description")'
)


def words_of(*texts: str) -> list[str]:
    """The meaningful words of the texts, lower case, first seen first, at most MAX_WORDS."""
    result: list[str] = []
    for value in texts:
        for word in _WORD.findall(value or ""):
            word = word.lower()
            meaningful = len(word) >= 3 and not word.isdigit() and word not in STOPWORDS
            if meaningful and word not in result:
                result.append(word)
            if len(result) >= MAX_WORDS:
                return result
    return result


def similar_signals(
    *, title: str = "", description: str = "", exclude_council_ids=(), limit: int = LIMIT
) -> list[Signal]:
    """Up to ``limit`` shared signals like the text typed so far, most alike first; each has
    ``label`` (the reporter as other councils see it) and ``councils`` (how many share it)."""
    title = (title or "")[:200]
    description = (description or "")[:2000]
    if len((title + description).strip()) < MIN_CHARS:
        return []
    words = words_of(title, description)
    if not words:
        return []
    ids = list(exclude_council_ids)
    base = selectors.shared_signals()
    if ids:
        signed = selectors.active_cosignatures().filter(signal=OuterRef("pk"), council_id__in=ids)
        base = base.exclude(council_id__in=ids).exclude(Exists(signed))
    if connection.vendor == "postgresql":
        found = list(_postgres(base, title=title, words=words)[:limit])
    else:
        found = _fallback(base, words=words, limit=limit)
    for signal in found:
        # What a suggestion shows: how other councils see the reporter, and the count.
        signal.label = selectors.signal_label(signal)
        signal.councils = 1 + signal.cosign_count
    return found


def _postgres(base: QuerySet[Signal], *, title: str, words: list[str]) -> QuerySet[Signal]:
    # Words are letters and digits only (``_WORD``), so they are safe inside to_tsquery; every
    # value is a bound parameter, the SQL around it is fixed (hence the S611 exceptions).
    tsquery = " | ".join(words)
    matches = RawSQL(  # noqa: S611
        f"{_DOCUMENT} @@ to_tsquery('dutch'::regconfig, %s)",
        (tsquery,),
        output_field=BooleanField(),
    )
    rank = RawSQL(  # noqa: S611
        f"ts_rank({_DOCUMENT}, to_tsquery('dutch'::regconfig, %s))",
        (tsquery,),
        output_field=FloatField(),
    )
    condition = Q(matches)
    typed_title = title.strip()
    if len(typed_title) >= MIN_CHARS:
        # "<%": the typed title's trigrams are found in some stretch of the signal's title.
        similar_title = RawSQL(  # noqa: S611
            '%s <%% "advocacy_signal"."title"', (typed_title,), output_field=BooleanField()
        )
        title_score = RawSQL(  # noqa: S611
            'word_similarity(%s, "advocacy_signal"."title")',
            (typed_title,),
            output_field=FloatField(),
        )
        condition |= Q(similar_title)
    else:
        title_score = RawSQL("0", (), output_field=FloatField())
    return (
        base.filter(condition)
        .alias(rank=rank, title_score=title_score)
        .annotate(score=F("rank") + F("title_score"))
        .order_by("-score", "-created_at", "-pk")
    )


def _fallback(base: QuerySet[Signal], *, words: list[str], limit: int) -> list[Signal]:
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word) | Q(description__icontains=word)
    candidates = list(base.filter(condition).order_by("-created_at", "-pk")[:FALLBACK_CANDIDATES])

    def overlap(signal: Signal) -> int:
        own = set(words_of(signal.title, signal.description))
        return len(own & set(words)) + 2 * len(set(words_of(signal.title)) & set(words))

    candidates.sort(key=overlap, reverse=True)
    return [s for s in candidates if overlap(s) > 0][:limit]
