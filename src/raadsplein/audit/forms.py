from django import forms
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    object = forms.CharField(
        label=_("Object"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld events.session.12 (soort object en nummer)."),
    )
    persoon = forms.IntegerField(
        label=_("Persoon (nummer)"),
        required=False,
        min_value=1,
        help_text=_("Toont wat deze persoon deed en wat over deze persoon is vastgelegd."),
    )
