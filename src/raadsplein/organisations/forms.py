from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CareSector, CouncilKind, Province


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    province = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        choices=[("", _("Alle provincies")), *Province.choices],
    )
    sector = forms.ChoiceField(label=_("Zorgsector"), required=False)
    kind = forms.ChoiceField(
        label=_("Soort raad"),
        required=False,
        choices=[("", _("Alle soorten")), *CouncilKind.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("Alle sectoren")),
            *CareSector.objects.values_list("code", "name"),
        ]

    def filters(self) -> dict[str, str]:
        """Valid filters only: an unknown value is dropped, never an error page."""
        if self.is_valid():
            return {k: v for k, v in self.cleaned_data.items() if v}
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}
