"""How django-allauth behaves on Raadsplein: open sign-up, links from the site's base URL,
automatic-mail headers, and a way in by e-mail code while an address is throttled."""

from types import SimpleNamespace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from raadsplein.web import links


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open: anyone may make an account; membership is what opens member pages."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Someone may type wrong passwords for another person's address on purpose; the
        # address holder can still come in with a code sent to that address.
        "too_many_login_attempts": _(
            "Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. Probeer het "
            "over vijf minuten opnieuw, of log nu in met een code die wij naar uw e-mailadres "
            "sturen (knop hieronder)."
        ),
    }

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "RAADSPLEIN_SIGNUP_OPEN", True)

    def get_login_redirect_url(self, request) -> str:
        """Staff land on their start page, everyone else on Mijn Raadsplein (unless sign-in
        came with a page to return to)."""
        from raadsplein.accounts.rules import is_staff_member

        if is_staff_member(request.user):
            return reverse("web:staff_home")
        return super().get_login_redirect_url(request)

    # Links in mail point at RAADSPLEIN_BASE_URL, never at the Host a request carried.

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return links.absolute(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return links.absolute(path.replace("UID-KEY", quote(key)))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = getattr(self, "request", None)
        context = dict(context)
        if request is not None:
            here = request.build_absolute_uri("/")
            for key, value in list(context.items()):
                if key.endswith("_url") and isinstance(value, str) and value.startswith(here):
                    context[key] = links.absolute("/" + value[len(here) :])
        if template_prefix == "account/email/login_code" and "code" in context:
            context["confirm_url"] = (
                links.absolute(reverse("account_confirm_login_code"))
                + "?code="
                + quote(str(context["code"]))
            )
            context["timeout_minutes"] = max(1, settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT // 60)
        context["current_site"] = _site()
        context["site_url"] = links.absolute("/")
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {**(headers or {}), "Auto-Submitted": "auto-generated"}
        return super().render_mail(template_prefix, email, context, headers=headers)


def _site():
    return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=links.domain())
