import json

from allauth.account import views as allauth_views
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from raadsplein.organisations.access import signed_in

from . import services
from .forms import ApiTokenForm, EraseForm, ProfileForm
from .personal_data import readable_export


@signed_in
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Uw gegevens zijn opgeslagen."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@signed_in
def personal_data(request):
    data = services.export_person_data(user=request.user)
    sections = readable_export(data)
    return render(request, "accounts/personal_data.html", {"sections": sections})


@signed_in
@require_POST
def personal_data_download(request):
    data = services.export_person_data(user=request.user)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="raadsplein-mijn-gegevens-{stamp}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@signed_in
@require_http_methods(["GET", "POST"])
def erase(request):
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.erase_person(user=user)
        messages.success(request, _("Uw account en gegevens zijn gewist."))
        return redirect("/")
    return render(request, "accounts/erase.html", {"form": form})


@signed_in
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = services.create_api_token(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = request.user.personal_api_tokens.all()
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
    )


@signed_in
@require_POST
def api_token_revoke(request, pk: int):
    if services.revoke_api_token(user=request.user, token_id=pk):
        messages.success(request, _("De sleutel is ingetrokken. Hij werkt niet meer."))
    else:
        messages.error(request, _("Deze sleutel bestaat niet (meer)."))
    return redirect("accounts:api_tokens")


class ConfirmLoginCodeView(allauth_views.ConfirmLoginCodeView):
    """allauth's code page, with the code filled in when the person follows the mail's link
    in the browser where they asked for it. They still press the button: a link that signs in
    on its own would be followed by mail scanners."""

    def get_initial(self):
        initial = super().get_initial()
        code = self.request.GET.get("code", "")
        if self.request.method == "GET" and code and len(code) <= 20:
            initial["code"] = code
        return initial
