"""Forms of the workspace's core (advisors' access). Each part has its own forms module
(``meeting_forms.py``, ``trajectory_forms.py``, …)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from raadsplein.accounts.roles import ADVISEUR
from raadsplein.web.forms import DateInput


class AdvisorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.email


class AdvisorAccessForm(forms.Form):
    advisor = AdvisorChoiceField(
        label=_("Adviseur"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Kies een adviseur"),
    )
    ends_on = forms.DateField(
        label=_("Toegang tot en met"),
        widget=DateInput,
        help_text=_("Daarna ziet de adviseur niets meer van uw raad. Ten hoogste een jaar."),
    )
    reason = forms.CharField(
        label=_("Waarvoor (niet verplicht)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: meelezen met de nieuwe regeling."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = (
            get_user_model()
            .objects.filter(groups__name=ADVISEUR, is_active=True)
            .order_by("first_name", "last_name", "pk")
        )
