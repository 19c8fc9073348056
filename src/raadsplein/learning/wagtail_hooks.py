"""Staff screens for courses, steps, themes and learning paths in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from raadsplein.organisations.models import SeatRole

from .models import Course, LearningPath, Module, Step


class CourseForm(WagtailAdminModelForm):
    roles = forms.MultipleChoiceField(
        choices=SeatRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Geschikt voor rollen"),
        help_text=_("Niets aangevinkt: geschikt voor iedereen in de raad."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        steps = self.formsets.get("steps")
        if steps is None:
            return
        # A step chooses one of this course's saved modules, named by its title alone.
        modules = Module.objects.filter(course_id=self.instance.pk).order_by("sort_order", "pk")
        if not self.instance.pk:
            modules = modules.none()
        base = steps.form

        class StepRowForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["module"].queryset = modules
                self.fields["module"].label_from_instance = lambda module: module.title
                if "event_session" in self.fields:
                    field = self.fields["event_session"]
                    field.queryset = field.queryset.select_related("event")

        steps.form = StepRowForm

    def is_valid(self) -> bool:
        valid = super().is_valid()
        modules, steps = self.formsets.get("modules"), self.formsets.get("steps")
        if not valid or modules is None or steps is None:
            return valid
        removed = {form.instance.pk for form in modules.deleted_forms if form.instance.pk}
        for form in steps.forms:
            if form in steps.deleted_forms or not form.has_changed() and not form.instance.pk:
                continue
            module = form.cleaned_data.get("module")
            if module is not None and module.pk in removed:
                form.add_error(
                    "module",
                    _(
                        "Deze stap hoort bij een module die u weghaalt. Haal de stap ook weg, "
                        "of kies een andere module."
                    ),
                )
                valid = False
        return valid


# The fields of a step, inline in the course and on the step's own screen.
STEP_PANELS = [
    FieldRowPanel([FieldPanel("module"), FieldPanel("kind"), FieldPanel("required")]),
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
    FieldPanel(
        "event_session",
        heading=_("Live bijeenkomst"),
        help_text=_(
            "Kies de sessie in de agenda; zoek op de naam van de activiteit. Aanwezigheid "
            "rondt deze stap af."
        ),
    ),
]


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "folder-open-inverse"
    menu_label = _("Cursussen")
    list_display = ["title", "level", "audience", "is_published"]
    list_filter = ["is_published", "level", "audience"]
    search_fields = ["title"]
    ordering = ["title"]
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
                "Sleep de modules in de goede volgorde. Een module weghalen haalt ook de "
                "stappen en de voortgang daarvan weg."
            ),
        ),
        InlinePanel(
            "steps",
            heading=_("Stappen"),
            label=_("Stap"),
            help_text=_(
                "Elke stap hoort bij een module. Deelnemers zien de stappen per module, in de "
                "volgorde van deze lijst: sleep een stap omhoog of omlaag. Een nieuwe module "
                "kunt u kiezen nadat u de cursus heeft opgeslagen. Een stap weghalen haalt ook "
                "de voortgang van die stap weg."
            ),
            panels=STEP_PANELS,
        ),
    ]
    # A viewset's own base_form_class is not read by Wagtail: the form goes on the panels.
    edit_handler = ObjectList(panels, base_form_class=CourseForm)


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
    list_display = ["title", "module", "kind", "required"]
    list_filter = ["kind", "required", "module__course"]
    search_fields = ["title"]
    ordering = ["module__course__title", "module__sort_order", "sort_order"]
    edit_handler = ObjectList(STEP_PANELS, base_form_class=StepForm)


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
