"""Similar signals while a member types ("Wij zien dit ook").

From the title and description typed so far, up to five shared signals of other councils
that seem to be about the same thing, so that the member can co-sign one instead of reporting
it again.

- PostgreSQL: a Dutch full-text match (any of the typed words, stemmed) on a stored,
  generated ``search_document`` column (``to_tsvector('dutch', title || ' ' || description)``,
  GIN index) or a trigram word similarity on the title (``pg_trgm``, GIN index; tolerates
  typos), ranked by both. Migrations ``0005_similar_search`` and ``0008_search_document``.
- Other databases (SQLite in development): signals containing any of the typed words, ranked
  by how many distinct words they share.

Both rank at most the newest ``CANDIDATES`` matching signals, so that a common word does not
make every keystroke read the whole table.

Only what other councils may see is returned (``selectors.shared_signals``: not merged away);
signals of the member's own councils, and those they co-signed already, are left out (they
are under "Mijn signalen").
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Exists, FloatField, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from . import selectors
from .models import Signal

LIMIT = 5
MAX_WORDS = 12
MIN_CHARS = 4  # fewer typed characters than this: no suggestions yet
CANDIDATES = 500  # newest matching signals that are ranked (see _postgres)

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

# A generated column that PostgreSQL keeps in step with title and description (migration
# 0008; not a model field, so other databases never see it), with a GIN index.
# Columns are named without the table: the candidates' query runs as a subquery under an
# alias, and the bare name finds the innermost table (there is one in each query here).
_DOCUMENT = "search_document"


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
    # What is typed reaches the database as a parameter; PostgreSQL refuses NUL in text.
    title = (title or "").replace("\x00", "")[:200]
    description = (description or "").replace("\x00", "")[:2000]
    if len((title + description).strip()) < MIN_CHARS:
        return []
    words = words_of(title, description)
    if not words:
        return []
    ids = list(exclude_council_ids)
    # First the ids, on the bare table (no joins, no counts); then only those few, whole.
    candidates = Signal.objects.filter(merged_into__isnull=True)
    if ids:
        signed = selectors.active_cosignatures().filter(signal=OuterRef("pk"), council_id__in=ids)
        candidates = candidates.exclude(council_id__in=ids).exclude(Exists(signed))
    if connection.vendor == "postgresql":
        ranked = _postgres(candidates, title=title, words=words, limit=limit)
    else:
        ranked = _fallback(candidates, words=words, limit=limit)
    by_id = {s.pk: s for s in selectors.shared_signals().filter(pk__in=ranked)}
    found = [by_id[pk] for pk in ranked if pk in by_id]
    for signal in found:
        # What a suggestion shows: how other councils see the reporter, and the count.
        signal.label = selectors.signal_label(signal)
        signal.councils = 1 + signal.cosign_count
    return found


def _postgres(candidates: QuerySet[Signal], *, title: str, words: list[str], limit: int):
    """Ids of the best matches, ranked by full-text rank plus the title's word similarity,
    among the newest ``CANDIDATES`` signals that share a (stemmed) word and the newest
    ``CANDIDATES`` whose title is like the typed title. Two queries, each able to use its own
    GIN index (one query with OR made PostgreSQL read the whole table)."""
    # Words are letters and digits only (``_WORD``), so they are safe inside to_tsquery; every
    # value is a bound parameter, the SQL around it is fixed (hence the S611 exceptions).
    tsquery = " | ".join(words)
    typed_title = title.strip()
    conditions = [
        RawSQL(  # noqa: S611
            f"{_DOCUMENT} @@ to_tsquery('dutch'::regconfig, %s)",
            (tsquery,),
            output_field=BooleanField(),
        )
    ]
    if len(typed_title) >= MIN_CHARS:
        # "<%": the typed title's trigrams are found in some stretch of the signal's title.
        conditions.append(
            RawSQL("%s <%% title", (typed_title,), output_field=BooleanField())  # noqa: S611
        )
    score = RawSQL(  # noqa: S611
        f"ts_rank({_DOCUMENT}, to_tsquery('dutch'::regconfig, %s)) + word_similarity(%s, title)",
        (tsquery, typed_title),
        output_field=FloatField(),
    )
    scored: dict[int, tuple] = {}
    for condition in conditions:
        # Ranking reads every row it ranks; the newest CANDIDATES bound that work when a
        # common word matches thousands of signals (then older ones are not suggested).
        recent = candidates.filter(condition).order_by("-created_at", "-pk").values("pk")
        rows = (
            Signal.objects.filter(pk__in=recent[:CANDIDATES])
            .annotate(score=score)
            .order_by("-score", "-created_at", "-pk")
            .values_list("pk", "score", "created_at")[:limit]
        )
        for pk, value, created in rows:
            scored[pk] = (value, created, pk)
    ranked = sorted(scored.values(), reverse=True)
    return [pk for _value, _created, pk in ranked[:limit]]


def _fallback(candidates: QuerySet[Signal], *, words: list[str], limit: int) -> list[int]:
    """Ids of the newest signals sharing the most distinct words (title words count double)."""
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word) | Q(description__icontains=word)
    rows = list(
        candidates.filter(condition)
        .order_by("-created_at", "-pk")
        .values_list("pk", "title", "description")[:CANDIDATES]
    )
    wanted = set(words)

    def overlap(row) -> int:
        _pk, title, description = row
        return len(set(words_of(title, description)) & wanted) + 2 * len(
            set(words_of(title)) & wanted
        )

    rows.sort(key=overlap, reverse=True)
    return [row[0] for row in rows if overlap(row) > 0][:limit]
