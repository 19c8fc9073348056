"""The one theme list of the site, and merging the near-duplicates that grew beside it.

Publications, courses, activities, learner interests and Vraagbaak questions all use
``knowledge.Theme``. Different parts of the demo and early imports each made their own names
for the same subject ("Leden werven" next to "Leden werven en behouden"). ``THEMES`` is the
agreed list (twelve themes); ``MERGED`` names the older names that now mean one of them.

``merge_duplicate_themes(apps)`` works on any app registry (a migration's historical one or
the real one), so migration 0009 and the test database's seed-restore call the same code. It
is idempotent and leaves alone every theme that is neither on the list nor a known duplicate
(editors may add their own).
"""

from django.utils.text import slugify

# (name, slug) — the slug is what filters in addresses use (?thema=…); keep it stable.
THEMES = [
    ("Medezeggenschap en de wet", "medezeggenschap-en-de-wet"),
    ("Samenwerken met de bestuurder", "samenwerken-met-de-bestuurder"),
    ("Toezicht en bestuur", "toezicht-en-bestuur"),
    ("De raad organiseren", "de-raad-organiseren"),
    ("Achterban", "achterban"),
    ("Leden werven en behouden", "leden-werven-en-behouden"),
    ("Geld en begroting", "geld-en-begroting"),
    ("Kwaliteit en veiligheid", "kwaliteit-en-veiligheid"),
    ("Huisvesting en bouw", "huisvesting-en-bouw"),
    ("Zorg en dwang", "zorg-en-dwang"),
    ("Jeugd", "jeugd"),
    ("Mantelzorg", "mantelzorg"),
]

# Older name → the theme on the list that replaces it.
MERGED = {
    "Wet en rechten": "Medezeggenschap en de wet",
    "Invoering Wmcz 2018": "Medezeggenschap en de wet",
    "Wet medezeggenschap (Wmcz)": "Medezeggenschap en de wet",
    "Samenwerken met het bestuur": "Samenwerken met de bestuurder",
    "Samenwerken binnen de organisatie": "Samenwerken met de bestuurder",
    "Het werk van de raad": "De raad organiseren",
    "Vergaderen en voorzitten": "De raad organiseren",
    "Ondersteuning": "De raad organiseren",
    "Zoeken naar passende medezeggenschap": "De raad organiseren",
    "Organiseren en vernieuwen medezeggenschap": "De raad organiseren",
    "In contact staan": "Achterban",
    "Leden werven": "Leden werven en behouden",
}

_BY_NAME = {name.lower(): name for name, _slug in THEMES}


def canonical_name(name: str) -> str:
    """The name on the list for ``name`` (itself when it is on the list or unknown)."""
    clean = (name or "").strip()
    for old, new in MERGED.items():
        if old.lower() == clean.lower():
            return new
    return _BY_NAME.get(clean.lower(), clean)


def _theme_relations(apps, Theme):
    """(many-to-many fields, foreign keys) of every installed model that points at Theme."""
    m2m, fks = [], []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.related_model is not Theme:
                continue
            if field.many_to_many:
                m2m.append((model, field))
            elif field.many_to_one:
                fks.append((model, field))
    return m2m, fks


def _find(Theme, name: str):
    return (
        Theme.objects.filter(name__iexact=name).first()
        or Theme.objects.filter(slug=slugify(name)[:80]).first()
    )


def _keeper(Theme, name: str, slug: str):
    theme = (
        Theme.objects.filter(slug=slug).first() or Theme.objects.filter(name__iexact=name).first()
    )
    if theme is None:
        theme = Theme.objects.create(name=name, slug=slug)
    return theme


def _move_links(m2m, fks, old, new) -> None:
    for _model, field in m2m:
        through = field.remote_field.through
        owner = field.m2m_field_name()  # e.g. "publicationpage"
        theme = field.m2m_reverse_field_name()  # "theme"
        already = set(through.objects.filter(**{theme: new}).values_list(f"{owner}_id", flat=True))
        moving = through.objects.filter(**{theme: old})
        through.objects.bulk_create(
            [
                through(**{f"{owner}_id": owner_id, f"{theme}_id": new.pk})
                for owner_id in moving.values_list(f"{owner}_id", flat=True)
                if owner_id not in already
            ]
        )
        moving.delete()
    for model, field in fks:
        model._default_manager.filter(**{field.name: old}).update(**{field.name: new})


def _fix_search_documents(apps, old_slug: str, new_slug: str) -> None:
    """The index row keeps theme slugs for its filters and facet counts."""
    try:
        SearchDocument = apps.get_model("knowledge", "SearchDocument")
    except LookupError:
        return
    for pk, themes in SearchDocument.objects.values_list("pk", "themes").iterator():
        if themes and old_slug in themes:
            fixed = sorted({new_slug if s == old_slug else s for s in themes})
            SearchDocument.objects.filter(pk=pk).update(themes=fixed)


def _fix_revisions(apps, m2m, old_pk: int, new_pk: int) -> None:
    """Drafts and older revisions keep theme ids; publishing one must not name a removed theme."""
    try:
        Revision = apps.get_model("wagtailcore", "Revision")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:
        return
    for model, field in m2m:
        content_type = ContentType.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is None:
            continue
        revisions = Revision.objects.filter(content_type=content_type).only("pk", "content")
        for revision in revisions.iterator():
            ids = (revision.content or {}).get(field.name)
            if isinstance(ids, list) and old_pk in ids:
                revision.content[field.name] = list(
                    dict.fromkeys(new_pk if i == old_pk else i for i in ids)
                )
                Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def merge_duplicate_themes(apps) -> list[tuple[str, str]]:
    """Make sure every theme of ``THEMES`` exists, move whatever uses a duplicate onto the
    theme that replaces it, and delete the duplicate. Returns (removed, kept) names."""
    Theme = apps.get_model("knowledge", "Theme")
    keepers = {name: _keeper(Theme, name, slug) for name, slug in THEMES}
    m2m, fks = _theme_relations(apps, Theme)
    done = []
    for old_name, new_name in MERGED.items():
        new = keepers[new_name]
        old = _find(Theme, old_name)
        while old is not None and old.pk != new.pk:
            _move_links(m2m, fks, old, new)
            _fix_search_documents(apps, old.slug, new.slug)
            _fix_revisions(apps, m2m, old.pk, new.pk)
            old.delete()
            done.append((old_name, new_name))
            old = _find(Theme, old_name)
    return done
