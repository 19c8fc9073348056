"""PostgreSQL: the tsvectors move out of ``knowledge_searchdocument`` into a narrow table
``knowledge_search_vectors`` (one row per document: its id, the filter columns and three
weighted tsvectors), kept in step by triggers, as SQLite's FTS5 table is. Counting and facet
counts then read short rows (the full ``vector`` is stored out of line, in the table's TOAST
table: ``toast_tuple_target`` 128) instead of the wide rows with every text column, and a
third, small ``vector_a`` (the title alone) lets the search choose its candidates without
ranking every match in title, summary and taxonomy (docs/knowledge.md, "De index"). The rows
are filled from the existing documents, so nothing needs reindexing; SQLite is unchanged."""

from django.db import migrations

TABLE = "knowledge_search_vectors"
DOC = "knowledge_searchdocument"
A = "setweight(to_tsvector('simple', {p}title), 'A')"
B = "setweight(to_tsvector('simple', {p}summary || ' ' || {p}taxonomy), 'B')"
C = "setweight(to_tsvector('simple', {p}body || ' ' || {p}transcript), 'C')"
D = "setweight(to_tsvector('simple', {p}files), 'D')"


def _vectors(p: str) -> str:
    a, b, c, d = (x.format(p=p) for x in (A, B, C, D))
    return f"{a}, {a} || {b}, {a} || {b} || {c} || {d}"


COLUMNS = "doc_id, page_id, is_public, kind, published_on, themes, sectors"
NEW = "NEW.id, NEW.page_id, NEW.is_public, NEW.kind, NEW.published_on, NEW.themes, NEW.sectors"
SET = ", ".join(
    f"{c} = EXCLUDED.{c}"
    for c in (*COLUMNS.split(", ")[1:], "vector_a", "vector_ab", "vector", "pad")
)

PG_FORWARD = [
    f"""CREATE TABLE {TABLE} (
        doc_id integer PRIMARY KEY,
        page_id integer NOT NULL,
        is_public boolean NOT NULL,
        kind varchar(20) NOT NULL,
        published_on date,
        themes jsonb NOT NULL,
        sectors jsonb NOT NULL,
        vector_a tsvector NOT NULL,
        vector_ab tsvector NOT NULL,
        vector tsvector NOT NULL,
        pad text NOT NULL DEFAULT repeat(' ', 2048)
    ) WITH (toast_tuple_target = 128)""",
    # The small vectors stay in the row (read for every candidate), the full one goes out
    # of it. PostgreSQL only moves values out of a row whose raw length is over 2 kB
    # (TOAST_TUPLE_THRESHOLD; toast_tuple_target only says how far to shrink it then), and
    # many rows are shorter: ``pad``, 2 kB of spaces that compress to some 30 bytes, makes
    # every new row (and every updated one: the update sets it again) long enough.
    f"ALTER TABLE {TABLE} ALTER COLUMN vector_a SET STORAGE MAIN, "
    "ALTER COLUMN vector_ab SET STORAGE MAIN",
    f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {TABLE} WHERE doc_id = OLD.id;
            RETURN OLD;
        END IF;
        INSERT INTO {TABLE} ({COLUMNS}, vector_a, vector_ab, vector)
        VALUES ({NEW}, {_vectors("NEW.")})
        ON CONFLICT (doc_id) DO UPDATE SET {SET};
        RETURN NEW;
    END $$""",
    f"""CREATE FUNCTION {TABLE}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {TABLE};
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER {TABLE}_row AFTER INSERT OR UPDATE OR DELETE ON {DOC}
        FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()""",
    f"""CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON {DOC}
        FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncate()""",
    f"""INSERT INTO {TABLE} ({COLUMNS}, vector_a, vector_ab, vector)
        SELECT {COLUMNS.replace("doc_id", "id")}, {_vectors("")} FROM {DOC}""",
    f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (vector)",
    f"CREATE INDEX {TABLE}_ab_gin ON {TABLE} USING gin (vector_ab)",
    f"CREATE INDEX {TABLE}_a_gin ON {TABLE} USING gin (vector_a)",
    f"CREATE INDEX {TABLE}_page ON {TABLE} (page_id)",
    # the generated columns of 0005 and 0008 (and their GIN indexes) are no longer read
    f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS vector_ab",
    f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS vector",
    f"ANALYZE {TABLE}",
]
PG_BACKWARD = [
    f"""ALTER TABLE {DOC} ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        {A.format(p="")} || {B.format(p="")} || {C.format(p="")} || {D.format(p="")}
    ) STORED""",
    f"CREATE INDEX knowledge_doc_vector_gin ON {DOC} USING gin (vector)",
    f"""ALTER TABLE {DOC} ADD COLUMN vector_ab tsvector GENERATED ALWAYS AS (
        {A.format(p="")} || {B.format(p="")}
    ) STORED""",
    f"CREATE INDEX knowledge_doc_vector_ab_gin ON {DOC} USING gin (vector_ab)",
    f"DROP TRIGGER IF EXISTS {TABLE}_truncate ON {DOC}",
    f"DROP TRIGGER IF EXISTS {TABLE}_row ON {DOC}",
    f"DROP FUNCTION IF EXISTS {TABLE}_truncate()",
    f"DROP FUNCTION IF EXISTS {TABLE}_sync()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0011_zero_result_query"),
    ]

    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
