"""The garbage-collector policy, in one place: where a step pauses cyclic collection.

Loading a knowledge base makes hundreds of thousands of small objects that all stay alive
and hold no reference cycles; the cyclic collector, run every few hundred allocations,
walks them again and again and finds nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

AGE = True  # see `paused`


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (nor in children forked inside it); after it,
    collection resumes as before. Nested blocks leave it to the outermost one."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if AGE and not gc.get_freeze_count():
                # What the block made goes straight to the oldest generation (freezing and
                # thawing moves it there without a pass over it): left young, the next few
                # collections would each walk all of it again. Not when someone else froze
                # objects: thawing would undo their freeze.
                gc.freeze()
                gc.unfreeze()
            gc.enable()
