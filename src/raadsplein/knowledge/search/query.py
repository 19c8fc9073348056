"""Searching the Kenniscentrum: the query side of the Dutch pipeline.

A query becomes *groups* of index terms, one group per concept the person typed:
the stem itself, the synonym group it belongs to, compounds in the index that contain it
(``wapen`` → ``stroomstootwapen``) and, for a word the index does not know, the closest
known word (typo tolerance, also offered as "Bedoelde u …?"). The vocabulary look-ups go
through the database's trigram indexes (engine.vocabulary, engine.typo_candidates); the
ranking itself is engine.search.
"""

import math
from dataclasses import dataclass, field

from . import analysis, engine, indexing

COMPOUND_FACTOR = 0.5
TYPO_FACTOR = 0.9
MIN_COMPOUND_PART = 5
MAX_COMPOUNDS_PER_WORD = 40


@dataclass
class Group:
    """One concept in the query: index terms with the factor each counts for."""

    label: str
    word: str
    terms: dict[str, float] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    highlight: set[str] = field(default_factory=set)
    correction: str | None = None


@dataclass
class ParsedQuery:
    text: str
    groups: list[Group]
    term_ids: dict[str, int]
    idf: dict[str, float]
    suggestion: str | None = None
    highlight_stems: set[str] = field(default_factory=set)
    highlight_parts: set[str] = field(default_factory=set)
    # over all live publications (members' too): what SQLite's FTS5 bm25() counts with
    df_all: dict[str, int] = field(default_factory=dict)
    documents_all: int = 0

    @property
    def usable(self) -> bool:
        return any(self.term_ids.get(t) for g in self.groups for t in g.terms)


def _visible_df(row: dict, members: bool) -> int:
    return row["df"] if members else row["df_public"]


def parse_query(q: str, *, members: bool, documents: int | None = None) -> ParsedQuery:
    """Turn what a person typed into weighted index terms. At most three queries
    (synonyms, vocabulary, typo candidates)."""
    text = (q or "")[: analysis.MAX_QUERY_CHARS]
    toks = analysis.tokens(text)[:12]
    if not toks:
        return ParsedQuery(text=text, groups=[], term_ids={}, idf={})
    variants = indexing.synonym_variants()
    by_synonym: dict[int, list[tuple[str, ...]]] = {}
    for key, synonym_id in variants.items():
        by_synonym.setdefault(synonym_id, []).append(key)
    stem_seq = [s for s, _ in toks]
    groups: list[Group] = []
    covered: set[int] = set()
    for start, end, synonym_id in analysis.find_phrases(stem_seq, variants):
        words = " ".join(w for _, w in toks[start:end])
        group = Group(label=words, word=words)
        key = analysis.synonym_key(synonym_id)
        group.terms[key] = 1.0
        group.strong.add(key)
        for variant in by_synonym.get(synonym_id, []):
            group.highlight.update(variant)
            if len(variant) == 1:
                group.terms.setdefault(variant[0], 1.0)
                group.strong.add(variant[0])
        covered.update(range(start, end))
        groups.append(group)
    seen: set[str] = set()
    for i, (stem, word) in enumerate(toks):
        if i in covered or stem in seen:
            continue
        seen.add(stem)
        group = Group(label=word, word=word, terms={stem: 1.0}, strong={stem}, highlight={stem})
        groups.append(group)

    # Look up every exact term, and compounds that contain a query word (one query; the
    # document counts for idf come along as the vocabulary's DOCUMENTS_TERM row).
    exact = {t for g in groups for t in g.terms} | {indexing.DOCUMENTS_TERM}
    parts = {
        p
        for g in groups
        if len(g.strong) == 1
        for p in (g.word, *g.strong)
        if len(p) >= MIN_COMPOUND_PART
    }
    rows = engine.vocabulary(exact, parts)
    totals = next((r for r in rows if r["text"] == indexing.DOCUMENTS_TERM), None)
    by_text = {
        r["text"]: r
        for r in rows
        if r["text"] != indexing.DOCUMENTS_TERM and _visible_df(r, members) > 0
    }
    for group in groups:
        if len(group.strong) != 1:
            continue
        group_parts = [p for p in {group.word, *group.strong} if len(p) >= MIN_COMPOUND_PART]
        compounds = sorted(
            (
                r
                for r in by_text.values()
                if r["text"] not in group.terms
                and not r["text"].startswith("~")
                and any(p in r["text"] and len(r["text"]) >= len(p) + 3 for p in group_parts)
            ),
            key=lambda r: (-_visible_df(r, members), r["text"]),
        )[:MAX_COMPOUNDS_PER_WORD]
        for r in compounds:
            group.terms[r["text"]] = COMPOUND_FACTOR
            group.highlight.add(r["text"])

    # Typo tolerance: a word the index does not know gets the closest word it does know,
    # among the most alike known words (trigram index), by edit distance then frequency.
    unknown = [
        g
        for g in groups
        if not any(t in by_text for t in g.terms)
        and len(next(iter(g.strong))) >= 4
        and not next(iter(g.strong)).startswith("~")
    ]
    suggestion = None
    if unknown:
        candidates = engine.typo_candidates(
            list(dict.fromkeys(next(iter(g.strong)) for g in unknown)), members=members
        )
        replacements: dict[str, str] = {}
        for g in unknown:
            stem = next(iter(g.strong))
            limit = 1 if len(stem) <= 5 else 2
            best = None
            for r in candidates:
                if r["text"][0] != stem[0] or r["text"].startswith("~"):
                    continue
                distance = analysis.edit_distance(stem, r["text"], limit)
                if distance <= limit:
                    rank = (distance, -_visible_df(r, members), r["text"])
                    if best is None or rank < best[0]:
                        best = (rank, r)
            if best is not None:
                r = best[1]
                by_text[r["text"]] = r
                g.terms[r["text"]] = TYPO_FACTOR
                g.strong.add(r["text"])
                g.highlight.add(r["text"])
                g.correction = r["display"] or r["text"]
                replacements[g.word] = g.correction
        if replacements:
            suggestion = " ".join(replacements.get(w, w) for w in analysis.words(text)[:12])

    if documents is None:
        documents = _visible_df(totals, members) if totals else 0
    idf = {t: math.log(1 + documents / max(1, _visible_df(r, members))) for t, r in by_text.items()}
    term_ids = {t: r["id"] for t, r in by_text.items()}
    parsed = ParsedQuery(
        text=text,
        groups=groups,
        term_ids=term_ids,
        idf=idf,
        suggestion=suggestion,
        df_all={t: r["df"] for t, r in by_text.items()},
        documents_all=totals["df"] if totals else 0,
    )
    for g in groups:
        parsed.highlight_stems.update(g.highlight)
        parsed.highlight_parts.update(
            p for p in (g.word, *g.strong) if len(p) >= MIN_COMPOUND_PART and not p.startswith("~")
        )
    return parsed
