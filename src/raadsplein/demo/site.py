"""The site's base data (sectors, regions, home page, staff groups), which every other part
of the demo world needs first."""

from raadsplein.web import services


def build(*, log) -> None:
    services.ensure_base_data()
