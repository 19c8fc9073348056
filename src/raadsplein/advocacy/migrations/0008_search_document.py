"""A stored search document for similar-signal suggestions (advocacy/similar.py), on
PostgreSQL only: a generated tsvector column over title and description with a GIN index,
so that ranking does not parse every matching signal's text again on each keystroke. It
replaces the expression index of 0005. Not a model field: Django never writes it, PostgreSQL
keeps it in step (also when the retention task rewrites a text)."""

from django.db import migrations

CREATE = [
    "DROP INDEX IF EXISTS advocacy_signal_fts",
    "ALTER TABLE advocacy_signal ADD COLUMN IF NOT EXISTS search_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, title || ' ' || description)) STORED",
    "CREATE INDEX IF NOT EXISTS advocacy_signal_search_document "
    "ON advocacy_signal USING gin (search_document)",
    # "The newest matching signals": read backwards until enough match, not sort them all.
    "CREATE INDEX IF NOT EXISTS advocacy_signal_newest ON advocacy_signal (created_at DESC, id DESC)",
]
DROP = [
    "DROP INDEX IF EXISTS advocacy_signal_newest",
    "DROP INDEX IF EXISTS advocacy_signal_search_document",
    "ALTER TABLE advocacy_signal DROP COLUMN IF EXISTS search_document",
    "CREATE INDEX IF NOT EXISTS advocacy_signal_fts ON advocacy_signal "
    "USING gin (to_tsvector('dutch'::regconfig, title || ' ' || description))",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("advocacy", "0007_signal_fact_own")]

    operations = [migrations.RunPython(create, drop)]
