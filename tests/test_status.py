"""generator.status: what a long command is doing, on a terminal only, erased at the end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import status

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_big_step_is_shown_on_a_terminal_and_erased(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status.show("reading 5 record files", size=5)  # small work: nothing
    assert terminal.getvalue() == ""
    status.show("reading 2,000 record files", size=2000)
    status.show("checking 2,000 records", size=2000)
    status.clear()
    status.clear()  # nothing shown: nothing to erase
    assert terminal.getvalue() == ("\rroadmap: reading 2,000 record files...\x1b[K\rroadmap: checking 2,000 records...\x1b[K\r\x1b[K")


def test_nothing_is_shown_in_a_pipe_or_a_log(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    status.show("reading 2,000 record files", size=2000)
    status.clear()
    assert pipe.getvalue() == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal")
def test_generate_says_what_it_is_doing_on_a_terminal(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    synth.write(kb, 200, 800)  # 1,000 record files: big enough to say so
    argv = [sys.executable, "-m", "generator", "generate", "--root", str(kb), "--out", str(tmp_path / "learn")]
    main, side = os.openpty()
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=side, timeout=120, check=False)
        os.close(side)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the other side is closed and everything was read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)
    assert done.returncode == 0 and done.stdout.startswith(b"wrote 1418 files")
    text = seen.decode()
    for step in ("reading 1,000 record files", "checking 1,000 records", "making 1,418 pages"):
        assert f"\rroadmap: {step}" in text, (step, text)
    assert text.endswith("\r\x1b[K"), "the status line is erased at the end"
    # Without a terminal the same run prints nothing on stderr.
    again = subprocess.run([*argv[:-1], str(tmp_path / "again")], capture_output=True, timeout=120, check=False)
    assert again.returncode == 0 and again.stderr == b""
