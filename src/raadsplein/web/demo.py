"""Registry of demo-world builders. Each app registers one in its AppConfig.ready; the
``seed_demo`` command runs them in order. Builders must be idempotent."""

from collections.abc import Callable
from dataclasses import dataclass

DEMO_PASSWORD = "raadsplein-demo"  # public: every demo account uses it
DEMO_DOMAIN = "demo.raadsplein.nl"


@dataclass(frozen=True)
class Builder:
    key: str
    order: int
    build: Callable[..., None]


_builders: dict[str, Builder] = {}


def register(*, key: str, order: int, build: Callable[..., None]) -> None:
    """``build(*, log)`` creates or updates this app's part of the demo world."""
    _builders[key] = Builder(key=key, order=order, build=build)


def builders() -> list[Builder]:
    return sorted(_builders.values(), key=lambda b: (b.order, b.key))
