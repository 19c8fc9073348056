from django import template

from raadsplein.helpdesk import support

register = template.Library()


@register.simple_tag
def support_details(question):
    """The kind's own fields of a tailored-support request, as (label, value) rows."""
    return support.details_for_display(question)


@register.simple_tag
def appointment_form(question):
    return support.AppointmentForm(initial={"appointment_at": question.appointment_at})
