"""/api/v1/councilwork/ (issue 15, part 9): built by the trajectories part."""

from ninja import Router

router = Router(tags=["raadswerk"])
