"""One-click unsubscribe (RFC 8058).

A POST whose body is ``List-Unsubscribe=One-Click`` unsubscribes without a session, cookie or
CSRF token: mail programs send it from the ``List-Unsubscribe-Post`` header. A GET only shows a
page with one button, so a link scanner that follows the link unsubscribes nobody. The token is
signed and names one subscriber and address (``tokens.py``); a bad one gets a calm page and
changes nothing.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services, tokens


def _bad_token(request) -> HttpResponse:
    return render(request, "newsletter/unsubscribe_bad.html", status=400)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    try:
        subscriber = tokens.read(token, tokens.UNSUBSCRIBE)
    except tokens.BadToken:
        return _bad_token(request)
    if request.method == "POST":
        # The one-click body from a mail program, or the button on the page below.
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        if not one_click and request.POST.get("confirm") != "ja":
            return _bad_token(request)
        services.unsubscribe(subscriber=subscriber, edition=None)
        if one_click and "text/html" not in request.headers.get("Accept", ""):
            return HttpResponse("Afgemeld.\n", content_type="text/plain; charset=utf-8")
        return render(request, "newsletter/unsubscribed.html", {"email": subscriber.email})
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"email": subscriber.email, "active": subscriber.is_active},
    )
