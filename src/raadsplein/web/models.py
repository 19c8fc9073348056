from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class ServiceCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=80)
    text = blocks.TextBlock(label=_("Korte tekst"), max_length=300)
    link_page = blocks.PageChooserBlock(label=_("Link naar pagina"), required=False)
    link_url = blocks.CharBlock(
        label=_("Of link naar adres"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld /kennisbank/ of een volledig webadres."),
    )
    members_only = blocks.BooleanBlock(label=_("Alleen voor leden"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Dienst")
        template = "web/blocks/service_card.html"


class HomePage(Page):
    """The home page: what Raadsplein offers, for the public and for members."""

    intro = RichTextField(
        _("inleiding"),
        features=["bold", "italic", "link"],
        blank=True,
    )
    body = StreamField(
        [
            (
                "heading",
                blocks.CharBlock(
                    label=_("Tussenkop"), form_classname="title", template="web/blocks/heading.html"
                ),
            ),
            (
                "paragraph",
                blocks.RichTextBlock(
                    label=_("Tekst"), features=["bold", "italic", "link", "ul", "ol"]
                ),
            ),
            (
                "services",
                blocks.ListBlock(
                    ServiceCardBlock(), label=_("Diensten"), template="web/blocks/services.html"
                ),
            ),
        ],
        blank=True,
        verbose_name=_("inhoud"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")
