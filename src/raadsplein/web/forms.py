from django.forms.renderers import DjangoTemplates


class RaadspleinFormRenderer(DjangoTemplates):
    """Every form renders with the design system's field template: label, help text and
    errors tied to the input (aria-describedby / aria-invalid come from Django)."""

    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
