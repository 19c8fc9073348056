"""Staff role changes made in the Wagtail admin's user screens go into the audit trail.

The user form there saves the groups itself, so we compare the roles before (remembered on the
request when the edit view starts) with those after, and log each difference through the
accounts service. The form is saved in its own transaction before the after-hook runs; a failure
to log would show as an error page after the change was saved, which is why logging here is
kept to the one service call.
"""

from wagtail import hooks

from . import services


@hooks.register("before_edit_user")
def remember_staff_roles(request, user):
    request._raadsplein_roles_before = services.staff_roles_of(user)


@hooks.register("after_edit_user")
def log_staff_role_changes(request, user):
    before = getattr(request, "_raadsplein_roles_before", None)
    if before is not None:
        services.record_staff_role_changes(user=user, before=before, by=request.user)


@hooks.register("after_create_user")
def log_new_staff_roles(request, user):
    services.record_staff_role_changes(user=user, before=set(), by=request.user)
