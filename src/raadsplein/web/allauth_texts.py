"""Our own Dutch for django-allauth's most-seen texts (sign in, sign up, errors).

allauth's Dutch uses "je" and "aanmelden"; Raadsplein says "u" and "inloggen". Listing the
msgids here makes ``makemessages`` put them in our catalogue (LOCALE_PATHS wins over the
library's), where the Dutch is ours. This module is never imported.
"""

from django.utils.translation import gettext_noop as _

TEXTS = [
    _("Sign In"),
    _("Sign Up"),
    _("Signup"),
    _("Sign Out"),
    _("Remember Me"),
    _("Forgot your password?"),
    _("Password"),
    _("Password (again)"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    _("Change Password"),
    _("Password Reset"),
    _("Email"),
    _("Email address"),
    _("Email Addresses"),
    _("Add Email"),
    _("Add Email Address"),
    _("Verify Your Email Address"),
    _("Confirm Email Address"),
    _("You must type the same password each time."),
    _("The email address and/or password you specified are not correct."),
    _("Too many failed login attempts. Try again later."),
    _("Be patient, you are sending too many requests."),
    _("Please contact us if you have any trouble resetting your password."),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email "
        "allowing you to reset it."
    ),
    _("Reset My Password"),
    _("Are you sure you want to sign out?"),
    _("This email address is already associated with another account."),
    _("A user is already registered with this email address."),
    _("Send me a sign-in code"),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    _("Successfully signed in as %(name)s."),
    _("You have signed out."),
    _("Password successfully changed."),
    _("Confirmation email sent to %(email)s."),
    _("You have confirmed %(email)s."),
    _("You will receive a special code for a password-free sign-in."),
    _("Other sign-in options"),
    _("Enter Sign-In Code"),
    _("Request Code"),
    _("Request new code"),
    _("We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."),
    _("A sign-in code has been sent to %(recipient)s."),
]
