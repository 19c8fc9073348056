"""The expert-pool panel on the advisor's question page: ``{% pool_panel question %}``."""

from django import template

from raadsplein.helpdesk import pools

register = template.Library()


@register.inclusion_tag("helpdesk/pools/desk_panel.html", takes_context=True)
def pool_panel(context, question):
    return {
        "question": question,
        "forwards": pools.forwards_of_question(question),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
