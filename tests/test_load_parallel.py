"""Loading a big knowledge base on every core: the same records, problems and positions.

From `sizes.PARALLEL_FILES` record files on, forked children parse part of them and send
the documents back with their text but without marks; a document's positions are found by
parsing that text again, only when a problem or a link report asks for one.
"""

from __future__ import annotations

import json
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from generator.kb.problems import Position
from generator.kb.strict_yaml import _build, load_file

from helpers import MINI, fresh

ROOT = Path(__file__).resolve().parent.parent


def test_every_position_survives_the_trip_between_processes() -> None:
    files = sorted((ROOT / "roadmap").glob("*.yml")) + sorted((ROOT / "resources").glob("*.yml"))
    assert len(files) > 200
    for file in files:
        doc = load_file(file, file.name)
        copy = pickle.loads(pickle.dumps(doc))
        assert copy.text is not None and not copy.values and not copy.keys  # no marks travel
        assert copy.data == doc.data
        # What a build that notes every mark as it goes finds.
        _, recorded = _build(file.name, file.read_text(encoding="utf-8"), record=True)
        assert len(recorded.values) > len(recorded.keys) >= 5 and not recorded.problems
        for loc, mark in recorded.values.items():
            assert copy.at(loc) == Position(file.name, mark.line + 1, mark.column + 1), (file.name, loc)
        for loc, mark in recorded.keys.items():
            assert copy.at(loc, key=True) == Position(file.name, mark.line + 1, mark.column + 1), (file.name, loc)
        root = recorded.values[()]  # a missing key: the nearest node there is, the file's mapping
        assert copy.at(("no", "such", "key")) == Position(file.name, root.line + 1, root.column + 1)


def test_positions_are_those_of_the_text_that_was_loaded(tmp_path: Path) -> None:
    file = tmp_path / "la-book.yml"
    shutil.copy(MINI / "resources" / "la-book.yml", file)
    exact = load_file(file, "resources/la-book.yml").at(("url",))
    assert exact != Position("resources/la-book.yml") and exact.line > 1
    for change in ("# a comment that moves every line down\n{}", "{}garbage: [\n", None):
        doc = load_file(file, "resources/la-book.yml")
        if change is None:
            file.unlink()
        else:
            file.write_text(change.format(file.read_text(encoding="utf-8")), encoding="utf-8")
        # The problems were found in the text as loaded: their positions are in that text,
        # whatever happened to the file since.
        assert doc.at(("url",)) == exact, change
        shutil.copy(MINI / "resources" / "la-book.yml", file)


def _broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    book = root / "resources" / "la-book.yml"
    book.write_text(book.read_text().replace("cost: free", "cost: gratis"))
    course = root / "resources" / "ml-course.yml"
    course.write_text(course.read_text().replace("topic: linear-regression", "topic: linear-regresion"))
    forum = root / "resources" / "forum.yml"
    forum.write_text(forum.read_text() + "title: twice\n")
    topic = root / "roadmap" / "gradients.yml"
    topic.write_text(topic.read_text().replace("hours: 4", "hours: -4"))
    return root


LOAD = """
    import json, os, sys
    from pathlib import Path
    from generator.kb import loading as graph
    from generator.kb.problems import DataError
    from generator import sizes
    sizes.PARALLEL_FILES = int(sys.argv[2])
    root = Path(sys.argv[1])
    try:
        roadmap = graph.load_roadmap(root)
    except DataError as exc:
        found = [str(p) for p in exc.problems]
    else:
        found = [str(roadmap.url_position(rid)) for rid in roadmap.resources]
    print(json.dumps({"forked": bool(forks), "found": found}))
"""


def _load_in_fresh_process(root: Path, parallel_from: int) -> dict[str, object]:
    code = LOAD.replace("sys.argv[1]", repr(str(root))).replace("int(sys.argv[2])", str(parallel_from))
    result: dict[str, object] = json.loads(fresh(code))
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
@pytest.mark.parametrize("broken", [True, False], ids=["problems", "url-positions"])
def test_loading_on_every_core_finds_what_loading_here_finds(tmp_path: Path, broken: bool) -> None:
    root = _broken_copy(tmp_path) if broken else MINI
    here = _load_in_fresh_process(root, 10**9)
    spread = _load_in_fresh_process(root, 1)
    assert here["forked"] is False and spread["forked"] is True
    assert spread["found"] == here["found"]
    found = here["found"]
    assert isinstance(found, list) and found
    if broken:
        text = "\n".join(found)
        # Each kind of problem, with its line and column, from files parsed in either process.
        for expected in ("resources/la-book.yml:5:7:", "resources/ml-course.yml:13:12:", "resources/forum.yml:", "roadmap/gradients.yml:"):
            assert expected in text, text
