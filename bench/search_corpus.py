"""A corpus for bench/bench_search.py: publications whose text is drawn from real Dutch.

Words come from the ``wordfreq`` package's Dutch list (the 50,000 most frequent words), each
drawn with its real frequency (Zipf-distributed), so the index sees a realistic vocabulary:
a few very common words in nearly every publication, a long tail of rare ones. The pages are
inserted in bulk (rows with the paths treebeard would give them), not saved one by one.
"""

import datetime
import itertools
import json
import random
import uuid

WORDS = 50_000


class Corpus:
    def __init__(self, seed: int = 20261202):
        from wordfreq import top_n_list, word_frequency

        from raadsplein.knowledge.search.analysis import STOPWORDS

        words = [w for w in top_n_list("nl", WORDS) if w.isalpha()]
        weights = [word_frequency(w, "nl") for w in words]
        self.words = words
        self.cum = list(itertools.accumulate(weights))
        self.rng = random.Random(seed)  # noqa: S311 - reproducible corpus, not security
        content = [(w, f) for w, f in zip(words, weights, strict=True) if len(w) >= 5]
        content = [(w, f) for w, f in content if w not in STOPWORDS]
        self.query_words = [w for w, _ in content]
        self.query_cum = list(itertools.accumulate(f for _, f in content))

    def text(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=n))

    def query(self) -> str:
        """One to three content words, drawn by frequency: what someone might type."""
        n = self.rng.choice((1, 1, 2, 2, 3))
        return " ".join(self.rng.choices(self.query_words, cum_weights=self.query_cum, k=n))


def insert_publications(corpus: Corpus, count: int, *, start: int, insert: bool = True):
    """Insert ``count`` live publications under the knowledge index, with themes and sectors;
    returns their indexing.Source objects (what both engines index). With ``insert=False``
    the publications are already there (a kept benchmark database): they are drawn again,
    the same, and only their sources come back."""
    from django.db import connection, transaction
    from django.db.models import Max
    from django.utils import timezone
    from wagtail.models import Page

    from raadsplein.knowledge.models import Audience, Kind, KnowledgeIndexPage, PublicationPage
    from raadsplein.knowledge.models import Theme as ThemeModel
    from raadsplein.knowledge.search.indexing import Source
    from raadsplein.organisations.models import CareSector

    rng = corpus.rng
    now = Page._meta.get_field("first_published_at").get_db_prep_save(timezone.now(), connection)
    key_field = Page._meta.get_field("translation_key")
    today = timezone.localdate()
    index = KnowledgeIndexPage.objects.get()
    last = index.get_last_child()
    alphabet, step = Page.alphabet, Page.steplen

    def to_path(n: int) -> str:
        out = ""
        for _ in range(step):
            n, r = divmod(n, len(alphabet))
            out = alphabet[r] + out
        return out

    def from_path(s: str) -> int:
        n = 0
        for ch in s:
            n = n * len(alphabet) + alphabet.index(ch)
        return n

    position = from_path(last.path[-step:]) + 1 if last else 1
    first_id = (Page.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    if not insert:
        first_id = Page.objects.get(slug=f"bench-{start}").pk
    content_type = PublicationPage.objects.first().content_type_id
    themes = list(ThemeModel.objects.values_list("pk", "name"))
    sectors = list(CareSector.objects.values_list("code", "name"))
    kinds = list(Kind)
    page_rows, pub_rows, theme_rows, sector_rows, sources = [], [], [], [], []
    for i in range(count):
        pk = first_id + i
        n = start + i
        title = corpus.text(3, 8).capitalize()
        summary = corpus.text(15, 30).capitalize() + "."
        body = corpus.text(60, 200).capitalize() + "."
        kind = rng.choice(kinds)
        public = rng.random() >= 0.7
        published = today - datetime.timedelta(days=rng.randint(0, 3000))
        my_themes = rng.sample(themes, rng.randint(0, 2))
        my_sectors = rng.sample(sectors, rng.randint(0, 2))
        slug = f"bench-{n}"
        page_rows.append(
            (
                pk,
                index.path + to_path(position + i),
                index.depth + 1,
                0,
                title,
                title,
                slug,
                content_type,
                True,
                False,
                f"{index.url_path}{slug}/",
                "",
                False,
                "",
                now,
                now,
                key_field.get_db_prep_save(
                    uuid.UUID(int=rng.getrandbits(128), version=4), connection
                ),
                index.locale_id,
                False,
                False,
            )
        )
        paragraph = {"type": "paragraph", "value": f"<p>{body}</p>", "id": str(uuid.uuid4())}
        pub_rows.append(
            (
                pk,
                summary,
                json.dumps([paragraph]),
                kind.value,
                Audience.PUBLIC if public else Audience.MEMBERS,
                False,
                published,
                "",
            )
        )
        theme_rows += [(pk, t) for t, _ in my_themes]
        sector_rows += [(pk, c) for c, _ in my_sectors]
        taxonomy = " ".join(
            [str(kind.label)] + [t for _, t in my_themes] + [s for _, s in my_sectors]
        )
        sources.append(
            Source(
                page_id=pk,
                is_public=public,
                kind=kind.value,
                published_on=published,
                fields={
                    "title": title,
                    "summary": summary,
                    "taxonomy": taxonomy,
                    "body": body,
                    "transcript": "",
                    "files": "",
                },
            )
        )
    if not insert:
        return sources
    page_cols = (
        "id, path, depth, numchild, title, draft_title, slug, content_type_id, live, "
        "has_unpublished_changes, url_path, seo_title, show_in_menus, search_description, "
        "first_published_at, last_published_at, translation_key, locale_id, locked, expired"
    )
    pub_cols = "page_ptr_id, summary, body, kind, audience, teaser, published_on, transcript"
    # columns added later (by other features) get their defaults
    named = {c.strip() for c in pub_cols.split(",")}
    extra = [
        f
        for f in PublicationPage._meta.local_concrete_fields
        if f.column not in named and not f.null
    ]
    if extra:
        pub_cols += "".join(f", {f.column}" for f in extra)
        defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in extra)
        pub_rows = [row + defaults for row in pub_rows]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The rows are consistent by construction. Without this, PostgreSQL checks each
            # foreign key at commit with a plan made when the tables were small (a sequential
            # scan per row: hours at 100,000 publications in one go).
            cursor.execute("SET LOCAL session_replication_role = replica")
        for rows, table, cols in (
            (page_rows, "wagtailcore_page", page_cols),
            (pub_rows, "knowledge_publicationpage", pub_cols),
            (
                theme_rows,
                PublicationPage.themes.through._meta.db_table,
                "publicationpage_id, theme_id",
            ),
            (
                sector_rows,
                PublicationPage.sectors.through._meta.db_table,
                "publicationpage_id, caresector_id",
            ),
        ):
            marks = ", ".join(["%s"] * len(cols.split(",")))
            for chunk in range(0, len(rows), 5000):
                cursor.executemany(
                    f"INSERT INTO {table} ({cols}) VALUES ({marks})",  # noqa: S608 - our names
                    rows[chunk : chunk + 5000],
                )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        if connection.vendor == "postgresql":
            for table in ("wagtailcore_page",):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT MAX(id) FROM {table}))"
                )
    return sources
