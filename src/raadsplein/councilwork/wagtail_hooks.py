"""Raadswerk in the Wagtail admin: the legal catalogue (subjects and rules of the Wmcz, with
their sources and "verified" flag) and the model letters, for editors. Councils' own records
are not here: staff see a council's workspace only with the council's access."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "mail"
    menu_label = _("Modelbrieven")
    menu_name = "raadswerk-modelbrieven"
    list_display = ["title", "kind", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["title", "body"]


class CouncilworkGroup(SnippetViewSetGroup):
    items = (LetterTemplateViewSet, LegalSubjectViewSet, LegalRuleViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Raadswerk")
    menu_name = "raadswerk"
    menu_order = 450


register_snippet(CouncilworkGroup)
