from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open: anyone may make an account; membership is what opens member pages."""

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "RAADSPLEIN_SIGNUP_OPEN", True)
