from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "web/errors/404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "web/errors/403.html", status=403)


def server_error(request):
    # Rendered without the request context: whatever broke must not break this page too.
    from django.http import HttpResponseServerError
    from django.template.loader import get_template

    return HttpResponseServerError(get_template("web/errors/500.html").render({}))
