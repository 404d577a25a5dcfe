#!/usr/bin/env python3
"""Set-up and everyday tasks, with nothing but Python 3.11+ installed.

    python3 dev.py serve          build the site and serve it on http://127.0.0.1:8000
    python3 dev.py test           run the whole test suite (lint, types, unit, data, browser)
    python3 dev.py test --fast    a quick loop: no browser and no slow tests (under a minute)

Each creates or reuses a virtual environment in .venv, reinstalling only when
pyproject.toml changes. Extra arguments are passed on (to `roadmap serve` or pytest).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project with `extras`, unless already done for this pyproject."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3 and must say so
        sys.exit(f"dev.py: Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    stamp_text = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.is_file() and stamp.read_text() == stamp_text and PYTHON.exists():
        return
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say(f"installing the project{f' with [{extras}]' if extras else ''} (first run only; this takes a minute)")
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f".[{extras}]" if extras else "."], check=True, cwd=ROOT)
    stamp.write_text(stamp_text)


def chromium() -> str | None:
    found = os.environ.get("CHROMIUM_PATH") or next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None)
    return found or shutil.which("chromium")


def _apt_install(package: str, why: str) -> bool:
    """Install a Debian package when we may (root on Debian/Ubuntu); False when we may not."""
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    say(f"installing Debian's {package} {why}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return True


def ensure_node() -> None:
    """Some tests run JavaScript under Node (the planner without a browser, the YAML 1.2 reader
    editors use): install Node when we may, else say how; then the test tools in package.json."""
    if not shutil.which("node"):
        _apt_install("nodejs", "for the tests that run JavaScript")
    if not shutil.which("npm"):
        _apt_install("npm", "for the Node test tools")
    npm = shutil.which("npm")
    if not shutil.which("node") or not npm:
        sys.exit("dev.py: the tests need Node.js 18 or newer with npm. Install them (Debian/Ubuntu: `sudo apt-get install nodejs npm`).")
    lock = (ROOT / "package-lock.json").read_bytes()
    stamp = ROOT / "node_modules" / ".installed"
    digest = hashlib.sha256(lock).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    say("installing the Node test tools from package-lock.json (first run only)")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], check=True, cwd=ROOT)
    stamp.write_text(digest)


def ensure_chromium() -> str:
    """The browser tests drive Debian's Chromium; install it when we may, else say how."""
    found = chromium()
    if found:
        return found
    if _apt_install("chromium", "for the browser tests"):
        found = chromium()
    if not found:
        sys.exit(
            "dev.py: the browser tests need Chromium. Install it (Debian/Ubuntu: "
            "`sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary."
        )
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("serve", "test"):
        print(__doc__, file=sys.stderr)
        return 2
    task, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    if task == "serve":
        ensure_venv("")
        return run([str(BIN / "roadmap"), "serve", *rest])
    ensure_venv("test")
    ensure_node()
    if "--fast" in rest:
        rest = [arg for arg in rest if arg != "--fast"]
        return run([str(PYTHON), "-m", "pytest", "-m", "not slow and not browser", *rest])
    os.environ["CHROMIUM_PATH"] = ensure_chromium()
    return run([str(PYTHON), "-m", "pytest", *rest])


def run(argv: list[str]) -> int:
    """Become the command where we can, so that signals (Ctrl-C, a supervisor's SIGTERM) reach
    it directly: a waiting parent stopped by SIGTERM would leave the server running."""
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(argv[0], argv)
    return subprocess.call(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
