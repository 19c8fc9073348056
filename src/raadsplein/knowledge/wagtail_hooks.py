"""Wagtail admin: taxonomy and synonym snippets; members-only documents stay members-only."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import selectors
from .models import Synonym, Theme
from .rules import sees_members_content


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


@hooks.register("before_serve_document")
def guard_members_only_documents(document, request):
    """/documenten/<id>/<name> must not hand a members-only file to a non-member."""
    if sees_members_content(request.user):
        return None
    if not selectors.document_is_members_only(document.pk):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "organisations/members_only.html", status=403)
