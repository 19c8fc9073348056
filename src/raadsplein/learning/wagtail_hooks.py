"""Staff screens for courses, steps, themes and learning paths in the Wagtail admin."""

from django import forms
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


class StepForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A session's name carries its event's title: load the events in the same query.
        field = self.fields["event_session"]
        field.queryset = field.queryset.select_related("event").order_by("-starts_at", "pk")


class StepViewSet(SnippetViewSet):
    model = Step
    icon = "list-ol"
    menu_label = _("Stappen")
    list_display = ["title", "module", "kind", "required", "sort_order"]
    list_filter = ["kind", "required", "module__course"]
    search_fields = ["title"]
    ordering = ["module__course__title", "module__sort_order", "sort_order"]
    base_form_class = StepForm
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
                PageChooserPanel("publication_page", page_type="knowledge.PublicationPage"),
                FieldPanel("link_document"),
                FieldPanel("link_url"),
            ],
            heading=_("Download of link"),
        ),
        FieldPanel("event_session", heading=_("Live bijeenkomst")),
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
