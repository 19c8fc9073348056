"""The old engine's tables, under the knowledge app but created only by the bench."""

# ruff: noqa: DJ008 - bench tables, never shown

from django.db import models

from raadsplein.knowledge.models import PublicationPage


class OldSearchDocument(models.Model):
    page = models.OneToOneField(PublicationPage, on_delete=models.CASCADE, related_name="+")
    is_public = models.BooleanField(default=False)
    text = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "knowledge"
        db_table = "bench_old_document"
        indexes = [models.Index(fields=["is_public", "indexed_at"], name="bench_old_doc_state_idx")]


class OldSearchTerm(models.Model):
    text = models.CharField(max_length=80, unique=True)
    display = models.CharField(max_length=80, blank=True)
    length = models.PositiveSmallIntegerField(default=0)
    df = models.PositiveIntegerField(default=0)
    df_public = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "knowledge"
        db_table = "bench_old_term"
        indexes = [models.Index(fields=["length", "text"], name="bench_old_term_len_idx")]


class OldSearchPosting(models.Model):
    term = models.ForeignKey(OldSearchTerm, on_delete=models.CASCADE, related_name="postings")
    page = models.ForeignKey(PublicationPage, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField()
    is_public = models.BooleanField(default=False)

    class Meta:
        app_label = "knowledge"
        db_table = "bench_old_posting"
        constraints = [
            models.UniqueConstraint(fields=["term", "page"], name="bench_old_posting_unique")
        ]
        indexes = [
            models.Index(
                fields=["term", "is_public", "page", "weight"], name="bench_old_posting_cover_idx"
            ),
            models.Index(fields=["page"], name="bench_old_posting_page_idx"),
        ]


def create_tables() -> None:
    from django.db import connection

    with connection.schema_editor() as editor:
        for model in (OldSearchDocument, OldSearchTerm, OldSearchPosting):
            editor.create_model(model)
