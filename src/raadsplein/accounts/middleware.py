from django.conf import settings
from django.shortcuts import redirect

from .rules import is_staff_member

# Pages staff can still reach before setting up a second factor.
_ALLOWED_PREFIXES = ("/account/", "/static/", "/media/", "/i18n/")


class StaffMFAMiddleware:
    """When RAADSPLEIN_REQUIRE_STAFF_MFA is on, staff must set up two-factor sign-in first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "RAADSPLEIN_REQUIRE_STAFF_MFA", False)
            and request.user.is_authenticated
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and is_staff_member(request.user)
        ):
            from allauth.mfa.utils import is_mfa_enabled

            if not is_mfa_enabled(request.user):
                return redirect("mfa_activate_totp")
        return self.get_response(request)
