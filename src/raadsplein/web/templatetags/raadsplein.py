from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *parts):
    """``{% breadcrumbs "Label" "url:name" "Label" "" %}``: pairs of label and URL name (or
    path); the last pair is the current page. Home comes first by itself."""
    crumbs = [{"label": _("Home"), "url": "/"}]
    for label, target in zip(parts[::2], parts[1::2], strict=False):
        url = ""
        if target:
            url = target if target.startswith("/") else reverse(target)
        crumbs.append({"label": label, "url": url})
    return render_to_string(
        "web/includes/breadcrumbs.html", {"crumbs": crumbs}, request=context.get("request")
    )


@register.filter
def as_data_html(value):
    """Render exported personal data (dicts, lists, scalars) as nested, readable HTML."""
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    if isinstance(value, dict):
        if not value:
            return format_html('<span class="muted">{}</span>', _("(leeg)"))
        return format_html(
            '<dl class="data-list">{}</dl>',
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((k.replace("_", " "), as_data_html(v)) for k, v in value.items()),
            ),
        )
    if isinstance(value, list | tuple):
        if not value:
            return format_html('<span class="muted">{}</span>', _("(geen)"))
        return format_html(
            '<ul class="data-items">{}</ul>',
            format_html_join("", "<li>{}</li>", ((as_data_html(v),) for v in value)),
        )
    if value is None or value == "":
        return mark_safe('<span class="muted">—</span>')  # noqa: S308 - constant markup
    if value is True:
        return _("ja")
    if value is False:
        return _("nee")
    return str(value)
