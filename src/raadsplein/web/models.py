from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from raadsplein.web import navigation


class ServiceCardValue(blocks.StructValue):
    def url(self) -> str:
        """Where the card leads: the chosen page, else the typed address."""
        page = self.get("link_page")
        if page is not None:
            return page.url or ""
        return self.get("link_url") or ""


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
        value_class = ServiceCardValue


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = navigation.home_sections(request)
        return context


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """How people reach the Vraagbaak, and what membership costs: shown in the footer, on the
    contact page and on "Lid worden". Editors change it under Instellingen."""

    vraagbaak_phone = models.CharField(
        _("telefoonnummer van de Vraagbaak"),
        max_length=30,
        blank=True,
        help_text=_("Zoals mensen het intypen, bijvoorbeeld 030 123 45 67."),
    )
    vraagbaak_email = models.EmailField(_("e-mailadres van de Vraagbaak"), blank=True)
    vraagbaak_hours = models.CharField(
        _("bereikbaar"),
        max_length=120,
        default=_("Op werkdagen van 9.00 tot 17.00 uur"),
        help_text=_("Wanneer de adviseurs de telefoon opnemen."),
    )
    membership_costs = models.TextField(
        _("wat kost het lidmaatschap?"),
        blank=True,
        help_text=_(
            "Korte uitleg over de contributie voor een raad, en voor persoonlijke leden. "
            "Leeg: de pagina Lid worden verwijst naar de Vraagbaak."
        ),
    )

    panels = [
        FieldPanel("vraagbaak_phone"),
        FieldPanel("vraagbaak_email"),
        FieldPanel("vraagbaak_hours"),
        FieldPanel("membership_costs"),
    ]

    class Meta:
        verbose_name = _("contact en lidmaatschap")

    @property
    def phone_href(self) -> str:
        """The number for a tel: link: digits, and a leading + if there is one."""
        number = self.vraagbaak_phone.strip()
        digits = "".join(ch for ch in number if ch.isdigit())
        return ("+" + digits) if number.startswith("+") else digits
