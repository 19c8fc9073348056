"""The quarterly magazine Zorg & Zeggenschap: the archive (``MagazineIndexPage`` at
/zorg-en-zeggenschap/) and its issues, each with a PDF and an ordered list of articles.

The archive is for members: everyone sees which issues there are (number, season, title) on
the index, but an issue's page, its articles and its PDF only members (and staff). Every
article can be linked to a knowledge publication of kind "artikel": that is how the
magazine's articles are found in the knowledge centre's search (the publication is indexed
like any other; ``knowledge/search/``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

__all__ = ["MagazineArticle", "MagazineIndexPage", "MagazineIssuePage", "Season"]


class Season(models.TextChoices):
    WINTER = "winter", _("Winter")
    SPRING = "lente", _("Lente")
    SUMMER = "zomer", _("Zomer")
    AUTUMN = "herfst", _("Herfst")


class MagazineIndexPage(Page):
    """The archive of all issues. Titles for everyone; the issues themselves for members."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["web.HomePage"]
    subpage_types = ["newsletter.MagazineIssuePage"]
    max_count = 1
    template = "newsletter/magazine_index.html"

    class Meta:
        verbose_name = _("tijdschriftarchief")

    def get_context(self, request, *args, **kwargs):
        from .rules import can_view_magazine

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = live_issues(self)
        context["is_member"] = can_view_magazine(request.user)
        return context


class MagazineIssuePage(Page):
    """One issue: number, year, season, cover, PDF, intro and its articles in order."""

    number = models.PositiveSmallIntegerField(_("nummer"))
    year = models.PositiveSmallIntegerField(_("jaar"))
    season = models.CharField(_("seizoen"), max_length=10, choices=Season.choices)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("omslag"),
    )
    cover_alt = models.CharField(
        _("beschrijving van de omslag"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie de afbeelding niet kan zien."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("pdf van het nummer"),
    )
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("year"), FieldPanel("season")],
            heading=_("Nummer"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("cover_alt"),
        FieldPanel("pdf"),
        FieldPanel("intro"),
        InlinePanel("articles", label=_("Artikelen")),
    ]
    parent_page_types = ["newsletter.MagazineIndexPage"]
    subpage_types: list[str] = []
    template = "newsletter/magazine_issue.html"

    class Meta:
        verbose_name = _("nummer van Zorg & Zeggenschap")
        verbose_name_plural = _("nummers van Zorg & Zeggenschap")
        ordering = ["-year", "-number"]

    @property
    def pdf_size(self) -> int:
        from .podcast_models import file_size

        return file_size(self.pdf)

    @property
    def season_label(self) -> str:
        """ "Winter 2026"."""
        return f"{self.get_season_display()} {self.year}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.pdf is None:
            errors["pdf"] = _("Kies de pdf van dit nummer.")
        elif (self.pdf.file_extension or "").lower() != "pdf":
            errors["pdf"] = _("Dit is geen pdf-bestand. Kies de pdf van het nummer.")
        if self.cover_image_id and not self.cover_alt.strip():
            errors["cover_alt"] = _("Beschrijf de omslag voor wie de afbeelding niet kan zien.")
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        from raadsplein.organisations import access

        from .rules import can_view_magazine

        if not can_view_magazine(request.user):
            return access.refuse_members_content(request)
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def get_sitemap_urls(self, request=None):
        return []  # members only: never in a sitemap

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = list(
            self.articles.select_related("publication").order_by("sort_order", "pk")
        )
        return context


class MagazineArticle(Orderable):
    """An article in an issue, optionally linked to its knowledge publication."""

    page = ParentalKey(MagazineIssuePage, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("samenvatting"), max_length=600, blank=True)
    first_page = models.PositiveSmallIntegerField(_("vanaf bladzijde"), null=True, blank=True)
    last_page = models.PositiveSmallIntegerField(_("tot en met bladzijde"), null=True, blank=True)
    publication = models.ForeignKey(
        "knowledge.PublicationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publicatie in de kennisbank"),
        help_text=_("Een publicatie van de soort Artikel: zo vinden lezers het artikel ook."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("first_page"),
        FieldPanel("last_page"),
        FieldPanel("publication"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")

    def __str__(self) -> str:
        return self.title

    @property
    def pages_label(self) -> str:
        if self.first_page and self.last_page and self.last_page != self.first_page:
            return _("blz. %(first)d–%(last)d") % {"first": self.first_page, "last": self.last_page}
        if self.first_page:
            return _("blz. %(first)d") % {"first": self.first_page}
        return ""

    def clean(self) -> None:
        from raadsplein.knowledge.models import Kind

        errors = {}
        if self.publication is not None and self.publication.kind != Kind.ARTIKEL:
            errors["publication"] = _("Kies een publicatie van de soort Artikel.")
        if self.first_page and self.last_page and self.last_page < self.first_page:
            errors["last_page"] = _("De laatste bladzijde komt na de eerste.")
        if errors:
            raise ValidationError(errors)


def live_issues(index: MagazineIndexPage):
    """The live issues of the archive, newest first, with what the list shows."""
    return (
        MagazineIssuePage.objects.live()
        .child_of(index)
        .select_related("cover_image", "pdf")
        .order_by("-year", "-number")
    )


def register_files() -> None:
    """From the app's ready(): an issue's PDF (and cover) only for members."""
    from raadsplein.web import files

    from .rules import can_view_magazine

    files.register(
        MagazineIssuePage,
        live=lambda page: page.live,
        may_view=lambda user, page: can_view_magazine(user),
        open_to_members=True,
    )
