"""Writes about people: profile, staff groups, export and erasure of personal data."""

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.audit import services as audit

from . import personal_data, roles
from .models import ApiToken, User

logger = logging.getLogger(__name__)

audit.register_action("accounts.person.erased", _("Account en gegevens gewist"))
audit.register_action("accounts.staff_role.granted", _("Rol als medewerker gegeven"))
audit.register_action("accounts.staff_role.revoked", _("Rol als medewerker afgenomen"))
audit.register_action("accounts.api_token.created", _("API-sleutel gemaakt"))
audit.register_action("accounts.api_token.revoked", _("API-sleutel ingetrokken"))

SUPERUSER_ROLE = "superuser"


def ensure_staff_groups() -> dict[str, Group]:
    """Create the staff groups and give each exactly the permissions granted in ``roles``."""
    groups = {}
    for name, perms in roles.grants().items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".", 1)
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is None:
                logger.warning("Permission %s does not exist (yet)", perm)
                continue
            wanted.append(found)
        group.permissions.set(wanted)
        groups[name] = group
    _ensure_editor_page_permissions(groups[roles.REDACTEUR], groups[roles.BEHEERDER])
    return groups


def _ensure_editor_page_permissions(*groups: Group) -> None:
    """Editors and administrators may edit and publish every page and use every collection."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    page_perms = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    )
    collection_perms = Permission.objects.filter(
        content_type__app_label__in=["wagtaildocs", "wagtailimages"],
        codename__in=[
            "add_document",
            "change_document",
            "choose_document",
            "delete_document",
            "add_image",
            "change_image",
            "choose_image",
            "delete_image",
        ],
    )
    for group in groups:
        if root_page is not None:
            for perm in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=perm
                )
        if root_collection is not None:
            for perm in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )


def ensure_staff_groups_after_migrate(sender, app_config=None, **kwargs) -> None:
    # post_migrate fires once per app, in INSTALLED_APPS order; run once, after the last app,
    # when every app's permissions exist.
    from django.apps import apps

    last = [a for a in apps.get_app_configs() if a.models_module is not None][-1]
    if app_config is not None and app_config.label != last.label:
        return
    ensure_staff_groups()


def staff_roles_of(user: User) -> set[str]:
    """The staff groups the person is in, plus ``superuser``: what a role change compares."""
    names = set(user.groups.filter(name__in=roles.STAFF_GROUPS).values_list("name", flat=True))
    if user.is_superuser:
        names.add(SUPERUSER_ROLE)
    return names


def record_staff_role_changes(*, user: User, before: set[str], by: User | None) -> int:
    """Log each staff role the person gained or lost since ``before`` (from
    ``staff_roles_of``). Used where another screen changed the groups (the Wagtail admin's
    user form); returns how many changes were logged."""
    after = staff_roles_of(user)
    for role in sorted(after - before):
        audit.log(
            actor=by,
            action="accounts.staff_role.granted",
            obj=user,
            subject=user,
            data={"role": role},
        )
    for role in sorted(before - after):
        audit.log(
            actor=by,
            action="accounts.staff_role.revoked",
            obj=user,
            subject=user,
            data={"role": role},
        )
    return len(after ^ before)


@transaction.atomic
def set_staff_roles(*, user: User, staff_roles: Iterable[str], by: User | None) -> int:
    """Put the person in exactly these staff groups (names from ``roles.STAFF_GROUPS``);
    other groups are left alone. Each role gained or lost is logged; returns how many."""
    wanted = set(staff_roles)
    unknown = wanted - set(roles.STAFF_GROUPS)
    if unknown:
        raise ValueError(f"Unknown staff roles: {sorted(unknown)}")
    before = staff_roles_of(user)
    current = before - {SUPERUSER_ROLE}
    groups = {g.name: g for g in Group.objects.filter(name__in=wanted | current)}
    for name in wanted - current:
        user.groups.add(groups.get(name) or Group.objects.get_or_create(name=name)[0])
    for name in current - wanted:
        user.groups.remove(groups[name])
    user.__dict__.pop("_raadsplein_staff_groups", None)  # the rules' per-object cache
    return record_staff_role_changes(user=user, before=before, by=by)


@transaction.atomic
def update_profile(*, user: User, **fields: Any) -> User:
    allowed = {
        "first_name",
        "last_name",
        "form_of_address",
        "text_size",
        "reduce_motion",
        "language",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(fields))
    return user


def export_account(user: User) -> dict[str, Any]:
    from allauth.mfa.models import Authenticator

    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "form_of_address": user.form_of_address,
        "text_size": user.text_size,
        "reduce_motion": user.reduce_motion,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "api_tokens": [
            {"name": t.name, "created_at": t.created_at.isoformat()}
            for t in ApiToken.objects.filter(user=user)
        ],
    }


def export_person_data(*, user: User) -> dict[str, Any]:
    """Everything Raadsplein keeps about this person, per section, as JSON-able data."""
    return {
        "exported_at": timezone.now().isoformat(),
        "sections": {
            section.key: {"label": str(section.label), "data": section.export(user)}
            for section in personal_data.sections()
        },
    }


@transaction.atomic
def erase_person(*, user: User, by: User | None = None) -> None:
    """Erase a person's data. Records others depend on are kept, but no longer name them.

    Every app erases or anonymises its own part (registry in ``personal_data``); the account
    itself is anonymised and can no longer sign in. ``by``: who asked (default: the person
    themself); the erasure itself is logged, naming no one who was erased.
    """
    by = user if by is None else by
    from allauth.mfa.models import Authenticator

    for section in personal_data.sections():
        if section.erase is not None:
            section.erase(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.personal_api_tokens.all().delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"gewist-{uuid.uuid4().hex}@gewist.invalid"
    user.first_name = ""
    user.last_name = "(gegevens gewist)"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    audit.log(actor=by, action="accounts.person.erased", obj=user, subject=user)
    _end_sessions_of(user)


def _end_sessions_of(user: User) -> None:
    # Sessions store the user id inside encoded data; a person has few live sessions.
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def _hash_token(raw: str) -> str:
    import hashlib

    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a personal API token; returns the record and the raw token (shown once)."""
    import secrets

    name = (name or "").strip()
    if not name:
        from django.core.exceptions import ValidationError

        raise ValidationError({"name": "Geef de sleutel een naam."})
    raw = "rp_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name[:100], prefix=raw[:10], key_hash=_hash_token(raw))
    token.full_clean()
    token.save()
    audit.log(
        actor=user,
        action="accounts.api_token.created",
        obj=token,
        subject=user,
        data={"prefix": token.prefix},
    )
    return token, raw


def user_for_api_token(raw: str) -> User | None:
    """The active person a raw token belongs to, or None; records when it was used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash_token(raw or "")).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def revoke_api_token(*, user: User, token_id: int) -> bool:
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        return False
    audit.log(
        actor=user,
        action="accounts.api_token.revoked",
        obj=token,
        subject=user,
        data={"prefix": token.prefix},
    )
    token.delete()
    return True
