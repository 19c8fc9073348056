"""The public archive of sent editions. Scaffolding until the archive lands."""

from django.http import Http404


def archive(request):
    raise Http404


def edition(request, pk: int):
    raise Http404
