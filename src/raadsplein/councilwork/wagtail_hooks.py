"""Raadswerk in the Wagtail admin: the legal catalogue (subjects and rules of the Wmcz, with
their sources and "verified" flag) and the model letters, for editors. Councils' own records
are not here: staff see a council's workspace only with the council's access."""

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import letters
from .models import LegalRule, LegalSubject, LetterTemplate


class LegalSubjectViewSet(SnippetViewSet):
    model = LegalSubject
    icon = "doc-full"
    menu_label = _("Onderwerpen uit de Wmcz")
    menu_name = "raadswerk-onderwerpen"
    list_display = ["title", "right", "article", "verified", "long_term_care_only"]
    list_filter = ["right", "verified", "long_term_care_only"]
    search_fields = ["title", "article"]


class LegalRuleViewSet(SnippetViewSet):
    model = LegalRule
    icon = "time"
    menu_label = _("Regels uit de Wmcz")
    menu_name = "raadswerk-regels"
    list_display = ["label", "value", "unit", "article", "verified"]


def _placeholder_help() -> str:
    names = "; ".join(f"{{{name}}}: {meaning}" for name, meaning in letters.PLACEHOLDERS.items())
    return gettext(
        "Deze gegevens vullen wij in voor de raad: %(names)s. Wat wij niet weten, ziet de raad "
        "als [naam] tussen haken. Tekst tussen [haken] vult de raad zelf in. De tekst wordt "
        "nooit als sjabloon uitgevoerd: alleen deze namen tussen accolades worden vervangen."
    ) % {"names": names}


placeholder_help = lazy(_placeholder_help, str)


class LetterTemplateForm(WagtailAdminModelForm):
    """A model letter's placeholders must be ones we fill in (a typo would reach every
    council as [naam]); its knowledge-centre page must be a model letter."""

    def _check_placeholders(self, field: str):
        value = self.cleaned_data.get(field, "")
        unknown = letters.unknown_placeholders(value)
        if unknown:
            self.add_error(
                field,
                gettext("Deze namen kennen wij niet: %(names)s.")
                % {"names": ", ".join(f"{{{name}}}" for name in unknown)},
            )
        return value

    def clean_subject_line(self):
        return self._check_placeholders("subject_line")

    def clean_body(self):
        return self._check_placeholders("body")

    def clean_publication(self):
        from raadsplein.knowledge.models import Kind as PublicationKind

        page = self.cleaned_data.get("publication")
        page = page.specific if page is not None else None
        if page is not None and getattr(page, "kind", None) != PublicationKind.MODELBRIEF:
            self.add_error("publication", gettext("Kies een publicatie van de soort Modelbrief."))
        return page


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "mail"
    menu_label = _("Modelbrieven")
    menu_name = "raadswerk-modelbrieven"
    list_display = ["title", "kind", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["title", "body"]
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("live")]),
        FieldPanel("title"),
        FieldPanel("subject_line", help_text=placeholder_help()),
        FieldPanel("body", help_text=placeholder_help()),
        PageChooserPanel(
            "publication",
            page_type="knowledge.PublicationPage",
            help_text=_(
                "De modelbrief in het kenniscentrum met uitleg. De raad ziet: Meer uitleg bij "
                "deze brief in het kenniscentrum."
            ),
        ),
    ]
    # A viewset's own base_form_class is not read by Wagtail: the form goes on the panels.
    edit_handler = ObjectList(panels, base_form_class=LetterTemplateForm)


class CouncilworkGroup(SnippetViewSetGroup):
    items = (LetterTemplateViewSet, LegalSubjectViewSet, LegalRuleViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Raadswerk")
    menu_name = "raadswerk"
    menu_order = 450


register_snippet(CouncilworkGroup)
