"""Throwaway-mail domains, from the disposable-email-domains package's list."""

from functools import lru_cache


@lru_cache(maxsize=1)
def _domains() -> frozenset[str]:
    from disposable_email_domains import blocklist

    return frozenset(blocklist)


def is_disposable(email: str) -> bool:
    domain = email.rpartition("@")[2].lower()
    parts = domain.split(".")
    # mail.wegwerp.example counts as wegwerp.example
    return any(".".join(parts[i:]) in _domains() for i in range(len(parts) - 1))
