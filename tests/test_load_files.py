"""Record files that are not plain files: refused one by one, each with its own positioned
problem, never opened and never followed.

A link to /dev/zero once made `roadmap validate` eat memory until a MemoryError, a named
pipe made it wait forever, a link out of the repository was read (its keys quoted in the
errors), and a link loop stopped the run with no position. Each case runs `roadmap validate`
in a child process with its memory capped and a few seconds to answer, so the old
behaviour fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.kb.problems import DataError
from generator.kb.strict_yaml import MAX_BYTES, load_file

from helpers import MINI

ROOT = Path(__file__).resolve().parent.parent
LINK = "a symbolic link: records are read from plain files only, never through a link; replace the link with the file itself"
PIPE = "a named pipe (FIFO), not a plain file; a record is a plain `.yml` file: replace this with one"

# `roadmap validate` with at most 1 GiB of memory.
_VALIDATE = """\
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _VALIDATE, "validate", "--root", str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=10,
    )


def _link_to_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _link_to_random(path: Path) -> None:
    path.symlink_to("/dev/urandom")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _link_out(path: Path) -> None:
    outside = path.parents[2] / "outside.yml"
    outside.write_text("secret_key: do not quote me\n", encoding="utf-8")
    path.symlink_to(outside)


def _link_loop(path: Path) -> None:
    path.symlink_to(path.name)  # itself


def _link_inside(path: Path) -> None:
    path.symlink_to(path.parent / "gradients.yml")


SPOILS: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("link-to-dev-zero", _link_to_zero, "symlink", LINK),
    ("link-to-dev-urandom", _link_to_random, "symlink", LINK),
    ("named-pipe", _pipe, "not-a-file", PIPE),
    ("link-out-of-the-repository", _link_out, "symlink", LINK),
    ("link-loop", _link_loop, "symlink", LINK),
    ("link-inside-the-repository", _link_inside, "symlink", LINK),
]


SPOILT = [("roadmap/vectors.yml", spoil) for spoil in SPOILS] + [
    (file, spoil)
    for file in ("resources/la-book.yml", "roadmap/stages.yml")
    for spoil in SPOILS
    if spoil[0] in ("link-to-dev-zero", "named-pipe", "link-loop")
]


@pytest.mark.parametrize(("file", "spoil", "check", "message"), [(f, *s[1:]) for f, s in SPOILT], ids=[f"{f}-{s[0]}" for f, s in SPOILT])
def test_a_record_that_is_not_a_plain_file_is_one_positioned_problem(
    file: str, spoil: Callable[[Path], None], check: str, message: str, tmp_path: Path
) -> None:
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    (root / file).unlink()
    spoil(root / file)
    done = _validate(root)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "secret_key" not in done.stderr
    # Its own problem, and nothing invented: what other records say of `vectors` or of
    # what `la-book` covers is judged once the file is a plain file again.
    assert done.stderr.splitlines() == [f"{file}:1:1: error[{check}]: {message}", "1 problem in 1 file"]


def test_every_such_file_is_reported_at_once_with_the_other_problems(tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    for name, spoil in [("vectors", _link_to_zero), ("matrices", _pipe), ("gradients", _link_loop)]:
        (root / "roadmap" / f"{name}.yml").unlink()
        spoil(root / "roadmap" / f"{name}.yml")
    book = root / "resources" / "la-book.yml"
    book.write_text(book.read_text(encoding="utf-8").replace("cost: free", "cost: gratis"), encoding="utf-8")
    done = _validate(root)
    assert done.returncode == 1, done.stderr
    assert [line.split(": error")[0] + " " + line.split("[")[1].split("]")[0] for line in done.stderr.splitlines()[:-1]] == [
        "resources/la-book.yml:5:7 choice",
        "roadmap/gradients.yml:1:1 symlink",
        "roadmap/matrices.yml:1:1 not-a-file",
        "roadmap/vectors.yml:1:1 symlink",
    ]


# The reader itself, below the folder scan: what it refuses if a file changes between
# the scan and the read, or is read on its own (the stages file).
def test_the_reader_never_follows_a_link_nor_opens_a_pipe_or_a_device(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("title: x\n", encoding="utf-8")
    assert load_file(good, "roadmap/good.yml").data == {"title": "x"}
    (tmp_path / "link.yml").symlink_to(good)
    os.mkfifo(tmp_path / "pipe.yml")
    cases = [
        (tmp_path / "link.yml", "symlink", LINK),
        (tmp_path / "pipe.yml", "not-a-file", PIPE),
        (Path("/dev/zero"), "not-a-file", "a device, not a plain file; a record is a plain `.yml` file: replace this with one"),
    ]
    for path, check, message in cases:
        with pytest.raises(DataError) as info:
            load_file(path, "roadmap/x.yml")
        assert [str(p) for p in info.value.problems] == [f"roadmap/x.yml:1:1: error[{check}]: {message}"]


def test_the_reader_reads_no_more_than_the_limit_whatever_the_size_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows between its size and its read is still read only up to the limit."""
    big = tmp_path / "big.yml"
    big.write_bytes(b"#" * (4 * MAX_BYTES))
    real_fstat = os.fstat
    reads: list[int] = []
    real_read = os.read

    def small_fstat(fd: int) -> os.stat_result:
        found = real_fstat(fd)
        return os.stat_result((found.st_mode, *found[1:6], 10, *found[7:]))  # st_size = 10

    def counted_read(fd: int, n: int) -> bytes:
        chunk = real_read(fd, n)
        reads.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "fstat", small_fstat)
    monkeypatch.setattr(os, "read", counted_read)
    with pytest.raises(DataError) as info:
        load_file(big, "roadmap/big.yml")
    monkeypatch.undo()
    assert [str(p) for p in info.value.problems] == [
        "roadmap/big.yml:1:1: error[file-size]: the file is over the 256 KiB limit; a record should be far smaller"
    ]
    assert sum(reads) == MAX_BYTES + 1
