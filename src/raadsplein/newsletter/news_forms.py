"""The news overview's filters: theme, care sector and year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.fields import theme_filter
from raadsplein.organisations.fields import sector_filter


class NewsFilterForm(forms.Form):
    thema = theme_filter()
    sector = sector_filter()
    jaar = forms.TypedChoiceField(
        label=_("Jaar"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een jaar uit de lijst.")},
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("Alle jaren")), *[(y, str(y)) for y in years]]

    def filters(self) -> dict:
        """The valid filters (a field with a bad value counts as not filtered)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: data.get(k) for k in ("thema", "sector", "jaar") if data.get(k)}
