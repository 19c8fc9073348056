"""Wagtail admin: taxonomy and synonym snippets. Files are guarded by raadsplein.web.files."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from . import zero_results
from .models import Synonym, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SynonymCreateView(CreateView):
    """ "Synoniem toevoegen" from the zero-result panel brings the word along (?woord=…)."""

    def get_initial(self):
        initial = super().get_initial()
        word = zero_results.normalise(self.request.GET.get("woord", ""))
        if word:
            initial.update(name=word[:80], variants=word)
        return initial


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    add_view_class = SynonymCreateView
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
