"""Indexes for "Wij zien dit ook" suggestions (advocacy/similar.py), on PostgreSQL only:
pg_trgm for typo-tolerant word similarity on the title, and a Dutch full-text index over
title and description. Other databases (SQLite in development) use a word-overlap fallback
and get nothing here. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner
may create it without being superuser."""

from django.db import migrations

# Keep these expressions the same as in similar.py, or the planner will not use the index.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS advocacy_signal_title_trgm "
    "ON advocacy_signal USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS advocacy_signal_fts ON advocacy_signal "
    "USING gin (to_tsvector('dutch'::regconfig, title || ' ' || description))",
]
DROP = [
    "DROP INDEX IF EXISTS advocacy_signal_fts",
    "DROP INDEX IF EXISTS advocacy_signal_title_trgm",
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
    dependencies = [("advocacy", "0004_signal_files")]

    operations = [migrations.RunPython(create, drop)]
