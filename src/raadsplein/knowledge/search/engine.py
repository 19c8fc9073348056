"""The SQL of knowledge search, on the database's own full-text indexes.

PostgreSQL: ``SearchDocument.vector`` (tsvector, GIN index) is matched with ``@@`` and ranked
with ``ts_rank_cd`` and field weights; the vocabulary's trigram index (pg_trgm) finds compound
parts (``LIKE '%wapen%'``) and typo candidates (``%``). SQLite: the FTS5 table
``knowledge_search_fts`` over the same normalised columns, read through its fts5vocab table
``knowledge_search_instances`` (term × document × column), and the FTS5 trigram table
``knowledge_term_fts`` over the vocabulary.

Both rank a publication as the sum over the query's terms of field weight × occurrences ×
idf × factor (idf from the vocabulary: over public publications for visitors), times one plus
the number of query concepts it covers; filters, the access rule, counting, paging and facet
counts all run in SQL. Only the publications on the asked page come back to Python.
"""

from dataclasses import dataclass

from django.db import connection

from ..models import PublicationPage, SearchDocument, SearchTerm
from .indexing import FIELD_WEIGHTS, external_term

# ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: files, body/transcript,
# summary/taxonomy, title (indexing.FIELD_WEIGHTS / 10).
PG_WEIGHTS = "{0.07, 0.15, 0.4, 1.0}"
TYPO_CANDIDATES = 200


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


def _matches(parts: list[Branch], *, where: str, where_params: list) -> tuple[str, list]:
    """SQL of (page_id, published_on, kind, themes, sectors, g, strong, s) rows: the score
    of each matching document that passes the filters (``where``, on ``d``), per branch."""
    params: list = []
    if _postgres():
        selects = []
        for b in parts:
            # one ts_rank_cd per branch: the compounds of a concept share their mean idf
            k = sum(b.terms.values()) / len(b.terms)
            query = _tsquery(b.terms)
            selects.append(
                f"SELECT {ROW}, %s AS g, %s AS strong, "  # noqa: S608
                "%s * ts_rank_cd(%s::float4[], d.vector, to_tsquery('simple', %s)) AS s "
                f"FROM {_q(DOC)} d WHERE d.vector @@ to_tsquery('simple', %s) AND {where}"
            )
            params += [b.g, int(b.strong), k, PG_WEIGHTS, query, query, *where_params]
        return " UNION ALL ".join(selects), params
    by_term: dict[str, tuple[int, bool, float]] = {}
    for b in parts:
        for term, k in b.terms.items():
            by_term.setdefault(term, (b.g, b.strong, k))
    terms = list(by_term)
    case = " ".join("WHEN %s THEN %s" for _ in terms)
    col_case = " ".join(f"WHEN '{name}' THEN {w}" for name, w in FIELD_WEIGHTS.items())
    sql = (
        f"SELECT {ROW}, i.g, i.strong, i.s FROM ("  # noqa: S608
        f"SELECT v.doc AS doc_id, CASE v.term {case} END AS g, "
        f"CASE v.term {case} END AS strong, "
        f"SUM(CASE v.col {col_case} ELSE 0 END) * CASE v.term {case} END AS s "
        f"FROM knowledge_search_instances v WHERE v.term IN ({', '.join(['%s'] * len(terms))}) "
        f"GROUP BY v.doc, v.term) i JOIN {_q(DOC)} d ON d.id = i.doc_id WHERE {where}"
    )
    for index in range(3):
        for t in terms:
            params += [t, [by_term[t][0], int(by_term[t][1]), by_term[t][2]][index]]
    params += terms
    params += where_params
    return sql, params


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


def _elements(column: str) -> tuple[str, str]:
    """(FROM-clause item, value) for each value of a JSON list column of ``r``."""
    if _postgres():
        return f"CROSS JOIN LATERAL jsonb_array_elements_text(r.{column}) AS j(v)", "j.v"
    return f", json_each(r.{column}) AS j", "j.value"


@dataclass
class Found:
    count: int
    rows: list[tuple[int, float]]  # (page_id, rank) of the asked slice, best first
    kinds: dict[str, int]
    themes: dict[str, int]  # slug → publications
    sectors: dict[str, int]  # code → publications


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
    match_sql, match_params = _matches(parts, where=where, where_params=where_params)
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
        source, value = _elements(column)
        sql += (
            f" UNION ALL SELECT '{code}', {value}, CAST(COUNT(*) AS FLOAT), 0 FROM r {source} "  # noqa: S608
            f"GROUP BY {value}"
        )
    ranked = []
    with connection.cursor() as cursor:
        cursor.execute(sql, [*match_params, limit, offset])
        for x, key, n, pos in cursor.fetchall():
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
                f"SELECT page_id FROM {_q(DOC)} "  # noqa: S608 - our names
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
