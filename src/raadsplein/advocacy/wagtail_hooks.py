"""Wagtail admin: the states of a signal's life and the labels staff sort signals with.

Policy advisors and administrators edit them (permissions in ``apps.py``). There is always
exactly one initial state: ticking "beginstap" on a state moves it there from the old one, and
the initial state cannot lose it otherwise. A state that a signal is in, passed through (its
history) or shows councils cannot be deleted: the admin says so in Dutch instead of failing.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Signal, State, Tag


class StateForm(WagtailAdminModelForm):
    def _get_validation_exclusions(self):
        # The database's one-initial-state constraint: save() moves the mark instead.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("is_initial")
        return exclusions

    def clean(self):
        data = super().clean()
        initial, visible = data.get("is_initial"), data.get("visible_to_councils")
        was_initial = (
            bool(self.instance.pk)
            and State.objects.filter(pk=self.instance.pk, is_initial=True).exists()
        )
        if was_initial and not initial:
            self.add_error(
                "is_initial",
                _(
                    "Er is altijd precies één beginstap. Maak een andere stap de beginstap; "
                    "dan gaat het vinkje hier vanzelf uit."
                ),
            )
        if initial and not visible:
            self.add_error(
                "visible_to_councils",
                _("De beginstap moet zichtbaar zijn voor raden: zij zien die als eerste."),
            )
        return data

    @transaction.atomic
    def save(self, commit=True):
        if self.cleaned_data.get("is_initial"):
            # One initial state: the new one takes over (the database allows only one).
            others = State.objects.filter(is_initial=True)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            others.update(is_initial=False)
        return super().save(commit=commit)


class StateViewSet(SnippetViewSet):
    model = State
    icon = "list-ol"
    menu_label = gettext_lazy("Stappen")
    menu_name = "signalen-stappen"
    list_display = ["name", "order", "visible_to_councils", "is_initial", "is_closed"]
    ordering = ["order", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("order"),
            FieldPanel("description"),
            FieldPanel("visible_to_councils"),
            FieldPanel("is_initial"),
            FieldPanel("is_closed"),
        ],
        base_form_class=StateForm,
    )


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = gettext_lazy("Labels")
    menu_name = "signalen-labels"
    list_display = ["name"]
    search_fields = ["name"]


class AdvocacyGroup(SnippetViewSetGroup):
    items = (StateViewSet, TagViewSet)
    menu_icon = "warning"
    menu_label = gettext_lazy("Signalen")
    menu_name = "signalen"
    menu_order = 410


register_snippet(AdvocacyGroup)


def state_delete_refusal(state: State) -> str:
    """Why a state cannot be deleted ("" when it can)."""
    if state.is_initial:
        return _(
            "De stap „%(name)s” is de beginstap en kan niet worden verwijderd. Maak eerst een "
            "andere stap de beginstap."
        ) % {"name": state.name}
    in_use = (
        Signal.objects.filter(Q(state=state) | Q(public_state=state) | Q(history__state=state))
        .distinct()
        .count()
    )
    if in_use:
        return ngettext(
            "De stap „%(name)s” is in gebruik (%(n)d signaal staat erin of is erdoor gegaan) "
            "en kan niet worden verwijderd. Wilt u haar niet meer gebruiken? Zet dan het "
            "vinkje ‘zichtbaar voor raden’ uit of geef haar een andere volgorde.",
            "De stap „%(name)s” is in gebruik (%(n)d signalen staan erin of zijn erdoor "
            "gegaan) en kan niet worden verwijderd. Wilt u haar niet meer gebruiken? Zet dan "
            "het vinkje ‘zichtbaar voor raden’ uit of geef haar een andere volgorde.",
            in_use,
        ) % {"name": state.name, "n": in_use}
    return ""


@hooks.register("before_delete_snippet")
def refuse_deleting_states_in_use(request, instances):
    refusals = [state_delete_refusal(i) for i in instances if isinstance(i, State)]
    refusals = [r for r in refusals if r]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect("wagtailsnippets_advocacy_state:list")
