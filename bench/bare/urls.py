from django.shortcuts import render
from django.urls import path


def cards(request):
    items = [
        {"title": f"Kaart {n}", "text": f"Een korte tekst bij kaart {n}.", "url": f"/kaart/{n}/"}
        for n in range(1, 21)
    ]
    return render(request, "cards.html", {"items": items})


urlpatterns = [path("", cards)]
