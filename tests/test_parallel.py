"""generator.parallel: the same results in the same order, whichever way the work ran.

Forking needs a process with one thread, and other tests leave server threads behind, so
the forking cases run in a fresh interpreter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator import parallel

from helpers import fresh

HERE = Path(__file__).parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")


def test_small_inputs_stay_in_this_process() -> None:
    found = parallel.map_on_cores(lambda x: (x * x, os.getpid()), range(5), min_items=6, workers=2)
    assert found == [(x * x, os.getpid()) for x in range(5)]


@linux_only
def test_children_do_part_of_the_work_and_the_order_is_kept() -> None:
    out = fresh(
        """
        import os
        from generator.parallel import map_on_cores
        import gc
        # the collector is left as the caller set it: a freeze of the caller's is not thawed
        kept = [object() for _ in range(3)]
        gc.freeze()
        frozen = gc.get_freeze_count()
        found = map_on_cores(lambda x: (x * x, os.getpid()), range(25), min_items=0, workers=3)
        assert gc.get_freeze_count() == frozen > 0 and gc.isenabled()
        gc.unfreeze()
        assert [square for square, _ in found] == [x * x for x in range(25)], found
        pids = {pid for _, pid in found}
        assert os.getpid() in pids and len(pids) == 3, pids
        print("ok")
        """
    )
    assert out == "ok"


@linux_only
def test_a_free_process_draws_the_next_chunk() -> None:
    # The parent is slow on every item: while it works on its first, the child draws the
    # rest. With fixed shares each would have done half, in order, whatever the cost.
    out = fresh(
        """
        import os, time
        from generator.parallel import map_on_cores
        parent = os.getpid()

        def work(x):
            if os.getpid() == parent:
                time.sleep(0.2)
            return x, os.getpid()

        found = map_on_cores(work, range(40), min_items=0, workers=2)
        assert [x for x, _ in found] == list(range(40)), found
        here = sum(pid == parent for _, pid in found)
        big = map_on_cores(lambda x: -x, range(5000), min_items=0, workers=2)  # chunks of many items
        print(here < 10, big == [-x for x in range(5000)])
        """
    )
    assert out == "True True"


@linux_only
def test_a_failed_child_has_its_share_done_here() -> None:
    out = fresh(
        """
        import os
        from generator.parallel import map_on_cores
        parent = os.getpid()

        def fails_in_children(x):
            if os.getpid() != parent:
                raise RuntimeError("a child's bug")
            return -x

        print(map_on_cores(fails_in_children, range(7), min_items=0, workers=2))
        """
    )
    assert out == str([-x for x in range(7)])


@linux_only
def test_a_real_error_is_raised_here_with_its_own_message() -> None:
    out = fresh(
        """
        from generator.parallel import map_on_cores

        def bad(x):
            if x == 3:
                raise ValueError("item 3 is bad")
            return x

        try:
            map_on_cores(bad, range(6), min_items=0, workers=2)
        except ValueError as exc:
            print(exc)
        """
    )
    assert out == "item 3 is bad"


@linux_only
def test_pages_rendered_on_several_cores_are_the_same() -> None:
    out = fresh(
        """
        from pathlib import Path
        from generator import parallel, sizes
        from generator.render import site
        from generator.kb.loading import load_roadmap

        mini = Path("tests/fixtures/mini")
        alone = site.render_site(load_roadmap(mini))
        sizes.PARALLEL_PAGES = 0
        parallel.cores = lambda: 2
        forked = []
        real_fork = parallel._fork
        parallel._fork = lambda *args: forked.append(1) or real_fork(*args)
        shared = site.render_site(load_roadmap(mini))
        assert forked, "no child was forked"
        print(list(shared) == list(alone) and shared == alone)
        """
    )
    assert out == "True"
