"""Staff screens for courses, steps, themes and learning paths in the Wagtail admin."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from raadsplein.organisations.models import SeatRole

from .models import Course, LearningPath, Step


def _publication_page_type() -> str:
    """Steps link to knowledge-centre publications when that app has its page model."""
    try:
        apps.get_model("knowledge", "PublicationPage")
    except LookupError:
        return "wagtailcore.Page"
    return "knowledge.PublicationPage"


class CourseForm(WagtailAdminModelForm):
    roles = forms.MultipleChoiceField(
        choices=SeatRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Geschikt voor rollen"),
        help_text=_("Niets aangevinkt: geschikt voor iedereen in de raad."),
    )


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "folder-open-inverse"
    menu_label = _("Cursussen")
    list_display = ["title", "level", "audience", "is_published"]
    list_filter = ["is_published", "level", "audience"]
    search_fields = ["title"]
    ordering = ["title"]
    base_form_class = CourseForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("summary"),
                FieldPanel("introduction"),
                FieldPanel("is_published"),
            ],
            heading=_("Cursus"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("level")]),
                FieldPanel("estimated_minutes"),
                FieldPanel("themes"),
                FieldPanel("care_sectors"),
                FieldPanel("roles"),
                FieldPanel("for_new_members"),
            ],
            heading=_("Voor wie"),
        ),
        InlinePanel("prerequisites", heading=_("Voorkennis"), label=_("Voorkennis")),
        InlinePanel(
            "modules",
            heading=_("Modules"),
            label=_("Module"),
            help_text=_(
                "Stappen voegt u toe onder Leeromgeving → Stappen. Een module weghalen "
                "haalt ook de stappen en de voortgang daarvan weg."
            ),
        ),
    ]


class StepViewSet(SnippetViewSet):
    model = Step
    icon = "list-ol"
    menu_label = _("Stappen")
    list_display = ["title", "module", "kind", "required", "sort_order"]
    list_filter = ["kind", "required", "module__course"]
    search_fields = ["title"]
    ordering = ["module__course__title", "module__sort_order", "sort_order"]
    panels = [
        FieldPanel("module"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order"), FieldPanel("required")]),
        FieldPanel("title"),
        FieldPanel("body", heading=_("Tekst (bij elke soort stap mogelijk)")),
        MultiFieldPanel(
            [
                FieldPanel("media_document"),
                FieldPanel("media_url"),
                FieldPanel("captions_document"),
                FieldPanel("transcript"),
            ],
            heading=_("Video of audio"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldPanel("questions"),
            ],
            heading=_("Toets"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("publication_page", page_type=_publication_page_type()),
                FieldPanel("link_document"),
                FieldPanel("link_url"),
            ],
            heading=_("Download of link"),
        ),
        FieldPanel("event_session_id", heading=_("Live bijeenkomst")),
    ]


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "redirect"
    menu_label = _("Leerroutes")
    list_display = ["title", "role"]
    panels = [
        FieldPanel("title"),
        FieldPanel("role"),
        FieldPanel("description"),
        InlinePanel("items", heading=_("Cursussen, in volgorde"), label=_("Cursus")),
    ]


class LearningGroup(SnippetViewSetGroup):
    items = (CourseViewSet, StepViewSet, LearningPathViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Leeromgeving")
    menu_name = "learning"
    menu_order = 300


register_snippet(LearningGroup)
