"""The SQL of knowledge search, on the database's own full-text indexes.

PostgreSQL: the tsvector ``vector`` of each document, in the narrow table
``knowledge_search_vectors`` (migration 0012, kept in step by triggers; GIN index), is matched
with ``@@`` and ranked with ``ts_rank_cd`` and field weights; the vocabulary's trigram index
(pg_trgm) finds compound parts (``LIKE '%wapen%'``) and typo candidates (``%``). SQLite: the
FTS5 table ``knowledge_search_fts`` over the same normalised columns, read through its
fts5vocab table ``knowledge_search_instances`` (term × document × column), and the FTS5
trigram table ``knowledge_term_fts`` over the vocabulary.

Both rank a publication as the sum over the query's terms of field weight × occurrences ×
idf × factor (idf from the vocabulary: over public publications for visitors), times one plus
the number of query concepts it covers; filters, the access rule, counting, paging and facet
counts all run in SQL. Only the publications on the asked page come back to Python.
"""

import math
from dataclasses import dataclass

from django.db import connection, transaction

from ..models import PublicationPage, SearchDocument, SearchTerm
from .indexing import FIELD_WEIGHTS, FIELDS, external_term

# ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: files, body/transcript,
# summary/taxonomy, title (indexing.FIELD_WEIGHTS / 10).
PG_WEIGHTS = "{0.07, 0.15, 0.4, 1.0}"
TYPO_CANDIDATES = 200
BM25_SCALE = 0.001


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


ROW = "d.page_id, d.published_on, d.kind, d.themes, d.sectors"
DOC = SearchDocument._meta.db_table
TERM = SearchTerm._meta.db_table
THEMES = PublicationPage.themes.through._meta.db_table
SECTORS = PublicationPage.sectors.through._meta.db_table


@dataclass
class Branch:
    """Some of the query's terms that count together: one concept (group ``g``), its own
    words or synonyms (strong) or the compounds that contain it, with idf × factor each."""

    g: int
    strong: bool
    terms: dict[str, float]  # external term → idf × factor


def branches(parsed) -> list[Branch]:
    out: list[Branch] = []
    for g, group in enumerate(parsed.groups):
        compounds: dict[str, float] = {}
        for term, factor in group.terms.items():
            if term not in parsed.term_ids:
                continue
            k = parsed.idf[term] * factor
            if term in group.strong:
                out.append(Branch(g, True, {external_term(term): k}))
            else:
                compounds[external_term(term)] = k
        if compounds:
            out.append(Branch(g, False, compounds))
    return out


def _tsquery(terms) -> str:
    return " | ".join(f"'{t}'" for t in terms)


def _matches(
    parts: list[Branch], *, where: str, where_params: list, df_all: dict, documents_all: int
) -> tuple[str, list]:
    """SQLite: SQL of (page_id, published_on, kind, themes, sectors, g, strong, s) rows: the
    score of each matching document that passes the filters (``where``, on ``d``), per
    term: FTS5's bm25() with the field weights, made small so that it stays nearly linear in
    the number of occurrences (bm25 saturates at k1 + 1 = 2.2), and our idf (over public
    publications for visitors) in place of FTS5's."""
    params: list = []
    by_term: dict[str, tuple[int, bool, float]] = {}
    for b in parts:
        for term, k in b.terms.items():
            by_term.setdefault(term, (b.g, b.strong, k))
    weights = ", ".join(str(w * BM25_SCALE) for w in FIELD_WEIGHTS.values())
    selects = []
    for term, (g, strong, k) in by_term.items():
        # bm25() = FTS5's idf × a weighted term frequency; our idf replaces FTS5's
        n, total = df_all.get(term, 0), documents_all
        fts_idf = max(1e-6, math.log((total - n + 0.5) / (n + 0.5))) if total else 1.0
        selects.append(
            f"SELECT rowid AS doc_id, %s AS g, %s AS strong, "  # noqa: S608 - our names
            f"-bm25(knowledge_search_fts, {weights}) * %s AS s FROM knowledge_search_fts "
            "WHERE knowledge_search_fts MATCH %s"
        )
        params += [g, int(strong), k / fts_idf / BM25_SCALE, f'"{term}"']
    # bm25 divides by 1 - b + b × length / average length (b = 0.75); multiplying that back
    # ranks as PostgreSQL does, by occurrences alone (the stored columns are terms separated
    # by single spaces, so a column's length is its number of spaces plus one)
    length = " + ".join(
        f"(LENGTH(d.{f}) - LENGTH(REPLACE(d.{f}, ' ', '')) + (d.{f} != ''))" for f in FIELDS
    )
    sql = (
        f"SELECT {ROW}, i.g, i.strong, i.s * (0.25 + 0.75 * ({length}) / %s) AS s "  # noqa: S608
        f"FROM ({' UNION ALL '.join(selects)}) i JOIN {_q(DOC)} d ON d.id = i.doc_id "
        f"WHERE {where}"
    )
    return sql, [_average_length(), *params, *where_params]


def _varint(data: bytes, i: int) -> tuple[int, int]:
    """SQLite's varint (big-endian, seven bits a byte, the ninth byte all eight)."""
    value = 0
    for n in range(9):
        byte = data[i + n]
        if n == 8:
            return (value << 8) | byte, i + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, i + n + 1
    return value, i + 9


def _average_length() -> float:
    """The average number of tokens per row, as bm25() uses it: from the FTS5 table's own
    totals record (rows, then tokens per column)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT block FROM knowledge_search_fts_data WHERE id = 1")
        row = cursor.fetchone()
    if not row or not row[0]:
        return 1.0
    data = bytes(row[0])
    rows, i = _varint(data, 0)
    tokens = 0
    while i < len(data):
        n, i = _varint(data, i)
        tokens += n
    return tokens / rows if rows else 1.0


def _filters(*, members: bool, kinds, themes, sectors) -> tuple[str, list]:
    where = ["1 = 1"]
    params: list = []
    if not members:
        where.append("d.is_public = %s")
        params.append(True)
    if kinds:
        where.append(f"d.kind IN ({', '.join(['%s'] * len(kinds))})")
        params += list(kinds)
    for column, values in (("themes", themes), ("sectors", sectors)):
        if not values:
            continue
        if _postgres():
            where.append(f"d.{column} ?| %s")  # noqa: S608 - any of these in the JSON list
            params.append(list(values))
        else:
            where.append(
                f"EXISTS (SELECT 1 FROM json_each(d.{column}) j "  # noqa: S608 - our names
                f"WHERE j.value IN ({', '.join(['%s'] * len(values))}))"
            )
            params += list(values)
    return " AND ".join(where), params


@dataclass
class Found:
    count: int
    rows: list[tuple[int, float]]  # (page_id, rank) of the asked slice, best first
    kinds: dict[str, int]
    themes: dict[str, int]  # slug → publications
    sectors: dict[str, int]  # code → publications


# PostgreSQL reads the narrow table ``knowledge_search_vectors`` (migration 0012: the filter
# columns and three tsvectors of each document, kept in step with knowledge_searchdocument by
# triggers), so counting and facets read short rows. It ranks every match in full up to
# EXACT_UP_TO matches. Above that only candidates get the full rank (ts_rank_cd over the whole
# tsvector, stored out of line): the CANDIDATES best by a cheap rank (ts_rank over title,
# summary and taxonomy, ``vector_ab``) among a pool the GIN indexes find without ranking every
# match: the publications with a query word in their title (``vector_a``) and, for questions
# of several concepts, those with two of them in title, summary or taxonomy. Only when that
# pool has fewer than CANDIDATES the cheap rank runs over every match in ``vector_ab``. To
# these come, for questions of several words, the publications that contain all of them (if
# there are at most CANDIDATES). A publication matched only in its body text cannot outrank
# one with the words in its title unless it repeats them very often (body 0.15 per occurrence
# against 1.0 for the title, and the text stores each word 1 + ln(count) times). Counting
# and facets always run over every match.
EXACT_UP_TO = 150
CANDIDATES = 100
VECTORS = "knowledge_search_vectors"
WORK_MEM = "16MB"
MAX_PAIR_CONCEPTS = 6  # two concepts of at most six: at most 15 pairs in the tsquery


def _pg_rank(parts: list[Branch], vector: str, function: str = "ts_rank_cd") -> tuple[str, list]:
    """SQL of the rank of the row whose tsvector is ``vector``: the sum over the branches of
    idf × factor × ts_rank_cd (or the cheaper ts_rank, for choosing candidates), times one
    plus the number of concepts it has one of its own words (or synonyms) of."""
    sums, params = [], []
    for b in parts:
        sums.append(f"%s * {function}(%s::float4[], {vector}, to_tsquery('simple', %s))")
        params += [sum(b.terms.values()) / len(b.terms), PG_WEIGHTS, _tsquery(b.terms)]
    strong: dict[int, list[str]] = {}
    for b in parts:
        if b.strong:
            strong.setdefault(b.g, []).extend(b.terms)
    covers = []
    for terms in strong.values():
        covers.append(f"CAST({vector} @@ to_tsquery('simple', %s) AS INTEGER)")
        params.append(_tsquery(terms))
    cover = " + ".join(covers) or "0"
    return f"(({' + '.join(sums)}) * (1 + {cover}))", params


def _concepts(parts: list[Branch]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for b in parts:
        if b.strong:
            groups.setdefault(b.g, []).extend(b.terms)
    return list(groups.values())


def _pairs(concepts: list[list[str]]) -> str:
    """A tsquery of any two of these concepts together ('' if fewer than two, or too many)."""
    if not 2 <= len(concepts) <= MAX_PAIR_CONCEPTS:
        return ""
    return " | ".join(
        f"(({_tsquery(concepts[i])}) & ({_tsquery(concepts[j])}))"
        for i in range(len(concepts))
        for j in range(i + 1, len(concepts))
    )


def _pg_search(parts, *, where, where_params, sort, offset, limit, **_counts) -> tuple[str, list]:
    all_terms = _tsquery(dict.fromkeys(t for b in parts for t in b.terms))
    rank, rank_params = _pg_rank(parts, "x.v")
    params: list = [all_terms, *where_params]
    sql = (
        "WITH m AS MATERIALIZED (SELECT d.doc_id AS id, d.page_id, d.published_on, d.kind, "  # noqa: S608
        f"d.themes, d.sectors FROM {VECTORS} d WHERE d.vector @@ to_tsquery('simple', %s) "
        f"AND {where}), "
        "n AS MATERIALIZED (SELECT COUNT(*) AS n FROM m), "
    )
    if sort == "datum":
        # only the rows up to the asked page's last date need a rank (for equal dates)
        sql += (
            "cut AS MATERIALIZED (SELECT published_on FROM m ORDER BY published_on DESC "
            "LIMIT 1 OFFSET %s), c AS MATERIALIZED (SELECT id FROM m WHERE published_on IS "
            "NULL OR NOT EXISTS (SELECT 1 FROM cut) OR published_on >= (SELECT published_on "
            "FROM cut)), "
        )
        params.append(offset + limit - 1)
    else:
        exact_up_to = EXACT_UP_TO if offset + limit <= CANDIDATES else None
        cheap, cheap_params = _pg_rank(parts, "d.vector_ab", "ts_rank")
        concepts = _concepts(parts)
        every = " & ".join(f"({_tsquery(terms)})" for terms in concepts)
        pairs = _pairs(concepts)
        pool = "d.vector_a @@ to_tsquery('simple', %s)"
        pool_params = [all_terms]
        if pairs:
            pool = f"({pool} OR d.vector_ab @@ to_tsquery('simple', %s))"
            pool_params.append(pairs)
        big = exact_up_to if exact_up_to is not None else 2**62
        sql += (
            # the pool the GIN indexes find: a query word in the title, two concepts in
            # title, summary or taxonomy
            f"ab AS MATERIALIZED (SELECT d.doc_id AS id FROM {VECTORS} d WHERE "  # noqa: S608
            f"(SELECT n FROM n) > %s AND {pool} AND {where} "
            f"ORDER BY {cheap} DESC, d.page_id LIMIT %s), "
            # too small a pool: every match in title, summary or taxonomy
            f"ab2 AS MATERIALIZED (SELECT d.doc_id AS id FROM {VECTORS} d WHERE "
            f"(SELECT n FROM n) > %s AND (SELECT COUNT(*) FROM ab) < %s "
            f"AND d.vector_ab @@ to_tsquery('simple', %s) AND {where} "
            f"ORDER BY {cheap} DESC, d.page_id LIMIT %s), "
            f"every AS MATERIALIZED (SELECT d.doc_id AS id FROM {VECTORS} d WHERE "
            f"(SELECT n FROM n) > %s AND %s AND d.vector @@ to_tsquery('simple', %s) "
            f"AND {where} LIMIT %s), "
            "c AS MATERIALIZED (SELECT id FROM m WHERE (SELECT n FROM n) <= %s "
            "OR ((SELECT COUNT(*) FROM ab) < %s AND (SELECT COUNT(*) FROM ab2) < %s) "
            "UNION SELECT id FROM ab UNION SELECT id FROM ab2 "
            "UNION SELECT id FROM every WHERE (SELECT COUNT(*) FROM every) <= %s), "
        )
        params += [big, *pool_params, *where_params, *cheap_params, CANDIDATES]
        params += [big, CANDIDATES, all_terms, *where_params, *cheap_params, CANDIDATES]
        params += [big, len(concepts) > 1, every or "x", *where_params, CANDIDATES + 1]
        params += [big, offset + limit, offset + limit, CANDIDATES]
    order = (
        "r.published_on DESC, r.rank DESC, r.page_id"
        if sort == "datum"
        else "r.rank DESC, r.page_id"
    )
    sql += (
        # one index look-up per candidate (a nested loop, whatever the planner estimates),
        # and the tsvector is decompressed once per row (x.v), not once per branch
        f"r AS MATERIALIZED (SELECT d.page_id, d.published_on, {rank} AS rank "  # noqa: S608
        f"FROM c CROSS JOIN LATERAL (SELECT d.page_id, d.published_on, d.vector FROM {VECTORS} "
        "d WHERE d.doc_id = c.id OFFSET 0) d "
        "CROSS JOIN LATERAL (SELECT d.vector || ''::tsvector AS v OFFSET 0) x) "
        "SELECT * FROM (SELECT 'r' AS x, CAST(r.page_id AS TEXT) AS key, "
        f"CAST(r.rank AS FLOAT) AS n, ROW_NUMBER() OVER (ORDER BY {order}) AS pos "
        f"FROM r ORDER BY {order} LIMIT %s OFFSET %s) p "
        "UNION ALL SELECT 'n', '', CAST(n AS FLOAT), 0 FROM n "
        "UNION ALL SELECT 'k', m.kind, CAST(COUNT(*) AS FLOAT), 0 FROM m GROUP BY m.kind "
    )
    params += [*rank_params, limit, offset]
    for code, column in (("t", "themes"), ("s", "sectors")):
        sql += (
            f" UNION ALL SELECT '{code}', j.v, CAST(COUNT(*) AS FLOAT), 0 FROM m "  # noqa: S608
            f"CROSS JOIN LATERAL jsonb_array_elements_text(m.{column}) AS j(v) "
            f"WHERE m.{column} <> '[]'::jsonb GROUP BY j.v"
        )
    return sql, params


def _sqlite_search(
    parts, *, where, where_params, sort, offset, limit, df_all, documents_all
) -> tuple[str, list]:
    match_sql, match_params = _matches(
        parts, where=where, where_params=where_params, df_all=df_all, documents_all=documents_all
    )
    order = (
        "r.published_on DESC, r.rank DESC, r.page_id"
        if sort == "datum"
        else "r.rank DESC, r.page_id"
    )
    sql = (
        f"WITH m AS MATERIALIZED ({match_sql}), "  # noqa: S608 - our names
        "r AS MATERIALIZED (SELECT page_id, published_on, kind, themes, sectors, "
        "SUM(s) * (1 + COUNT(DISTINCT CASE WHEN strong = 1 THEN g END)) AS rank "
        "FROM m GROUP BY page_id, published_on, kind, themes, sectors) "
        "SELECT * FROM (SELECT 'r' AS x, CAST(r.page_id AS TEXT) AS key, "
        f"CAST(r.rank AS FLOAT) AS n, ROW_NUMBER() OVER (ORDER BY {order}) AS pos "
        f"FROM r ORDER BY {order} LIMIT %s OFFSET %s) p "
        "UNION ALL SELECT 'n', '', CAST(COUNT(*) AS FLOAT), 0 FROM r "
        "UNION ALL SELECT 'k', r.kind, CAST(COUNT(*) AS FLOAT), 0 FROM r GROUP BY r.kind "
    )
    for code, column in (("t", "themes"), ("s", "sectors")):
        sql += (
            f" UNION ALL SELECT '{code}', j.value, CAST(COUNT(*) AS FLOAT), 0 "  # noqa: S608
            f"FROM r, json_each(r.{column}) AS j GROUP BY j.value"
        )
    return sql, [*match_params, limit, offset]


def search(
    parsed,
    *,
    members: bool,
    kinds=(),
    themes=(),
    sectors=(),
    sort: str = "relevantie",
    offset: int = 0,
    limit: int = 20,
) -> Found:
    """Rank, filter, count, page and count facets in one query over the matches."""
    parts = branches(parsed)
    found = Found(0, [], {}, {}, {})
    if not parts:
        return found
    where, where_params = _filters(members=members, kinds=kinds, themes=themes, sectors=sectors)
    build = _pg_search if _postgres() else _sqlite_search
    df_all = {external_term(t): n for t, n in parsed.df_all.items()}
    sql, params = build(
        parts,
        where=where,
        where_params=where_params,
        sort=sort,
        offset=offset,
        limit=limit,
        df_all=df_all,
        documents_all=parsed.documents_all,
    )
    ranked = []
    with transaction.atomic(), connection.cursor() as cursor:
        if _postgres():
            # The planner counts a tsvector match as cheap and scans the whole table when
            # many rows match, decompressing every tsvector; the GIN index (a bitmap scan
            # that reads only the narrow columns) is many times faster.
            # JIT compiling costs 50–100 ms on every query over many matches and saves
            # nothing here (the time goes to reading rows and to ranking functions); the
            # matches (tens of thousands of short rows) are kept in memory, not on disk.
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
                "current_setting('work_mem'), set_config('enable_seqscan', 'off', true), "
                "set_config('jit', 'off', true), set_config('work_mem', %s, true)",
                [WORK_MEM],
            )
            settings_before = cursor.fetchone()[:3]
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if _postgres():  # inside a caller's transaction: as it was
            cursor.execute(
                "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true), "
                "set_config('work_mem', %s, true)",
                settings_before,
            )
        for x, key, n, pos in rows:
            if x == "r":
                ranked.append((pos, int(key), float(n)))
            elif x == "n":
                found.count = int(n)
            else:
                {"k": found.kinds, "t": found.themes, "s": found.sectors}[x][key] = int(n)
    found.rows = [(page_id, rank) for _pos, page_id, rank in sorted(ranked)]
    return found


def pages_with_all_terms(phrases: list[tuple[str, ...]]) -> set[int]:
    """Ids of indexed publications that contain every term of at least one phrase."""
    phrases = [p for p in phrases if p]
    if not phrases:
        return set()
    with connection.cursor() as cursor:
        if _postgres():
            query = " | ".join("(" + " & ".join(f"'{t}'" for t in p) + ")" for p in phrases)
            cursor.execute(
                f"SELECT page_id FROM {VECTORS} "  # noqa: S608 - our names
                "WHERE vector @@ to_tsquery('simple', %s)",
                [query],
            )
        else:
            query = " OR ".join("(" + " AND ".join(f'"{t}"' for t in p) + ")" for p in phrases)
            cursor.execute(
                f"SELECT d.page_id FROM knowledge_search_fts f JOIN {_q(DOC)} d "  # noqa: S608
                "ON d.id = f.rowid WHERE knowledge_search_fts MATCH %s",
                [query],
            )
        return {r[0] for r in cursor.fetchall()}


TERM_COLUMNS = ("id", "text", "display", "df", "df_public")


def _term_rows(cursor) -> list[dict]:
    return [dict(zip(TERM_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def vocabulary(exact: set[str], parts: set[str]) -> list[dict]:
    """Vocabulary rows of these exact terms, and of longer terms that contain a part
    (compounds: at least three letters longer than the part)."""
    cols = ", ".join(f"t.{c}" for c in TERM_COLUMNS)
    where = [f"t.text IN ({', '.join(['%s'] * len(exact))})"] if exact else []
    params: list = list(exact)
    for part in sorted(parts):
        if _postgres():
            # the trigram index answers LIKE '%part%' without reading the whole vocabulary
            where.append("(t.text LIKE %s AND t.length >= %s)")
            params += [f"%{part}%", len(part) + 3]
        else:
            where.append(
                "(t.length >= %s AND t.id IN (SELECT rowid FROM knowledge_term_fts "
                "WHERE knowledge_term_fts MATCH %s))"
            )
            params += [len(part) + 3, f'"{part}"']
    if not where:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {cols} FROM {_q(TERM)} t WHERE {' OR '.join(where)}",  # noqa: S608
            params,
        )
        return _term_rows(cursor)


def typo_candidates(stems: list[str], *, members: bool) -> list[dict]:
    """Known terms that look like these unknown stems: same first letter, length within two,
    most alike first (trigram similarity), at most TYPO_CANDIDATES per stem."""
    cols = ", ".join(f"t.{c}" for c in TERM_COLUMNS)
    visible = "t.df > 0" if members else "t.df_public > 0"
    selects, params = [], []
    for stem in stems:
        first = stem[0]
        if _postgres():
            selects.append(
                f"SELECT * FROM (SELECT {cols} FROM {_q(TERM)} t "  # noqa: S608 - our names
                f"WHERE t.text %% %s AND {visible} AND t.text LIKE %s "
                "AND t.length BETWEEN %s AND %s "
                "ORDER BY similarity(t.text, %s) DESC LIMIT %s) c"
            )
            params += [stem, f"{first}%", len(stem) - 2, len(stem) + 2, stem, TYPO_CANDIDATES]
        else:
            grams = [stem[i : i + 3] for i in range(len(stem) - 2)]
            selects.append(
                f"SELECT * FROM (SELECT {cols} FROM knowledge_term_fts f "  # noqa: S608
                f"JOIN {_q(TERM)} t ON t.id = f.rowid WHERE knowledge_term_fts MATCH %s "
                f"AND {visible} AND t.text >= %s AND t.text < %s "
                "AND t.length BETWEEN %s AND %s ORDER BY f.rank LIMIT %s)"
            )
            params += [
                " OR ".join(f'"{g}"' for g in grams),
                first,
                chr(ord(first) + 1),
                len(stem) - 2,
                len(stem) + 2,
                TYPO_CANDIDATES,
            ]
    if not selects:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return _term_rows(cursor)
