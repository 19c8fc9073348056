"""Our own Dutch for django-allauth's texts on pages, in messages and in mails.

allauth's Dutch uses "je", "aanmelden" and "twee-factor-authenticatie"; Raadsplein says "u",
"inloggen" and "inloggen in twee stappen" (the authenticator app is the "code-app"). Listing
the msgids here makes ``makemessages`` put them in our catalogue (LOCALE_PATHS wins over the
library's), where the Dutch is ours. This module is never imported. The test
``accounts/tests/test_speaking.py`` walks the account pages and fails on a "je" or on another
name for two-step sign-in; a new allauth version may bring new texts to add here.
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
    # Pages, messages and mails of allauth and allauth.mfa whose Dutch said "je" or another
    # name for inloggen in twee stappen (one name everywhere; the app is the "code-app").
    _("You cannot remove your primary email address."),
    _("Please type your current password."),
    _("You cannot add more than %d email addresses."),
    _("Your primary email address must be verified."),
    _("Use your password"),
    _("Use authenticator app or code"),
    _("You must type the same email each time."),
    _("You cannot add an email address to an account protected by two-factor authentication."),
    _("You cannot deactivate two-factor authentication."),
    _("You cannot generate recovery codes without having two-factor authentication enabled."),
    _("You cannot activate two-factor authentication until you have verified your email address."),
    _("Authenticator code"),
    _("Please reauthenticate to safeguard your account."),
    _("The following email addresses are associated with your account:"),
    _("Do you really want to remove the selected email address?"),
    _(
        "You are receiving this email because you or someone else tried to signup for an\n"
        "account using email address:\n"
        "\n"
        "%(email)s\n"
        "\n"
        "However, an account using that email address already exists.  In case you have\n"
        "forgotten about this, please use the password forgotten procedure to recover\n"
        "your account:\n"
        "\n"
        "%(password_reset_url)s"
    ),
    _("You are receiving this mail because the following change was made to your account:"),
    _(
        "If you do not recognize this change then please take proper security precautions "
        "immediately. The change to your account originates from:\n"
        "\n"
        "- IP address: %(ip)s\n"
        "- Browser: %(user_agent)s\n"
        "- Date: %(timestamp)s"
    ),
    _("Your email has been changed from %(from_email)s to %(to_email)s."),
    _("Your email has been confirmed."),
    _(
        "You're receiving this email because user %(user_display)s has given your email address "
        "to register an account on %(site_domain)s."
    ),
    _("Your email verification code is listed below. Please enter it in your open browser window."),
    _("Please Confirm Your Email Address"),
    _("Email address %(deleted_email)s has been removed from your account."),
    _("Your sign-in code is listed below. Please enter it in your open browser window."),
    _("This mail can be safely ignored if you did not initiate this action."),
    _("Your password has been changed."),
    _("Your password reset code is listed below. Please enter it in your open browser window."),
    _(
        "You're receiving this email because you or someone else has requested a password reset "
        "for your user account.\n"
        "It can be safely ignored if you did not request a password reset. Click the link below "
        "to reset your password."
    ),
    _("Your password has been reset."),
    _("Your password has been set."),
    _(
        "You are receiving this email because you, or someone else, tried to access an account "
        "with email %(email)s. However, we do not have any record of such an account in our "
        "database."
    ),
    _("If it was you, you can sign up for an account using the link below."),
    _("Your email address is still pending verification."),
    _("You cannot remove your primary email address (%(email)s)."),
    _("Password successfully set."),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    _(
        "The password reset link was invalid, possibly because it has already been used.  Please "
        'request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    _("Your password is now changed."),
    _("Enter your password:"),
    _("We are sorry, but the sign up is currently closed."),
    _("You are already logged in as %(user_display)s."),
    _(
        "You currently do not have any email address set up. You should really add an email "
        "address so you can receive notifications, reset your password, etc."
    ),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize the "
        "signup process. If you do not see the verification email in your main inbox, check your "
        "spam folder. Please contact us if you do not receive the verification email within a "
        "few minutes."
    ),
    _(
        "This part of the site requires us to verify that\n"
        "you are who you claim to be. For this purpose, we require that you\n"
        "verify ownership of your email address. "
    ),
    _(
        "We have sent an email to you for\n"
        "verification. Please click on the link inside that email. If you do not see the "
        "verification email in your main inbox, check your spam folder. Otherwise\n"
        "contact us if you do not receive it within a few minutes."
    ),
    _(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email '
        "address</a>."
    ),
    _("Two-Factor Authentication"),
    _(
        "Your account is protected by two-factor authentication. Please enter an authenticator "
        "code:"
    ),
    _("A new set of Two-Factor Authentication recovery codes has been generated."),
    _("Authenticator app activated."),
    _("Authenticator App Activated"),
    _("Authenticator app deactivated."),
    _("Authenticator App Deactivated"),
    _("Authenticator App"),
    _("Authentication using an authenticator app is active."),
    _("An authenticator app is not active."),
    _("Enter an authenticator code:"),
    _("You are about to generate a new set of recovery codes for your account."),
    _("Are you sure?"),
    _("Activate Authenticator App"),
    _(
        "To protect your account with two-factor authentication, scan the QR code below with "
        "your authenticator app. Then, input the verification code generated by the app below."
    ),
    _("Authenticator secret"),
    _("You can store this secret and use it to reinstall your authenticator app at a later time."),
    _("Deactivate Authenticator App"),
    _("You are about to deactivate authenticator app based authentication. Are you sure?"),
    _(
        "If you choose to trust this browser, you will not be asked for a verification code the "
        "next time you sign in."
    ),
    _("Verified"),
    _("Unverified"),
    _("Primary"),
    _("Make Primary"),
    _("Re-send Verification"),
    _("Remove"),
    _("Activate"),
    _("Deactivate"),
    _("Generate"),
    _("View"),
    _("Add"),
    _("Generate new codes"),
    _("Confirm Access"),
    _("Trust this Browser?"),
    _("Trust for %(period)s"),
    _("Don't Trust"),
    _("This action will invalidate your existing codes."),
    _(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for '
        "user %(user_display)s."
    ),
    _("Unable to confirm %(email)s because it is already confirmed by a different account."),
    _(
        "This email confirmation link expired or is invalid. Please <a "
        'href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
]
