"""Wagtail admin: taxonomy and synonym snippets. Files are guarded by raadsplein.web.files."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Synonym, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synoniemen")
    list_display = ["name", "variants"]
    search_fields = ["name", "variants"]


class KnowledgeGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, SynonymViewSet)
    menu_icon = "doc-full"
    menu_label = _("Kennisbank")
    menu_name = "kennisbank"


register_snippet(KnowledgeGroup)
