from django import forms
from django.forms.renderers import DjangoTemplates


class RaadspleinFormRenderer(DjangoTemplates):
    """Every form renders with the design system's field template: label, help text and
    errors tied to the input (aria-describedby / aria-invalid come from Django)."""

    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"


class DateInput(forms.DateInput):
    """The browser's own date field (a calendar to pick from, typed dates too). Forms that need
    dd-mm-jjjj typed as text use ``events.forms.DutchDateField``."""

    input_type = "date"

    def __init__(self, attrs=None):
        # The browser's field takes and gives ISO dates, whatever the page's language.
        super().__init__(attrs=attrs, format="%Y-%m-%d")
