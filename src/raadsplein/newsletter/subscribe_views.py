"""Subscribing (double opt-in), confirming and preferences: built in subscriptions.py.

Scaffolding until the subscription pages land: the routes exist so mail links resolve."""

from django.http import Http404


def subscribe(request):
    raise Http404


def confirm(request, token: str):
    raise Http404


def preferences(request, token: str):
    raise Http404
