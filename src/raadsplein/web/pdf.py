"""PDFs made with WeasyPrint from a template and its stylesheet.

The stylesheet is a file of its own beside the template (``…_pdf.css``), handed to WeasyPrint
as a stylesheet: no ``<style>`` in a template, like every page the site serves under its CSP.
"""

from django.template.loader import get_template, render_to_string


def render_pdf(template: str, context: dict, *, stylesheet: str) -> bytes:
    """``template`` rendered with ``context`` and laid out with ``stylesheet`` (a template
    path, read as it is: CSS is not rendered as a template)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, context)
    css_path = get_template(stylesheet).origin.name
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=css_path)])
