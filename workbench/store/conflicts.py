"""Two people changing one segment at once: the loser is refused with a message, never overwritten."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy.orm.exc import StaleDataError

from workbench.errors import RefusedError


@contextmanager
def refused_if_changed_meanwhile():
    """Turn the mapper's version guard on segments (models.SegmentRow) into a refusal a person can act on."""
    try:
        yield
    except StaleDataError:
        raise RefusedError("someone changed this segment meanwhile: nothing was saved; reload it and try again") \
            from None
