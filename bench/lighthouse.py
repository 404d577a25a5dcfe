"""Lighthouse on every kind of page of a built site, served as static gzipped files.

.venv/bin/python bench/lighthouse.py SITE_DIR --lighthouse PATH/TO/lighthouse [--chromium /usr/bin/chromium]

Lighthouse comes from npm (`npm install --no-save lighthouse@12` in a scratch folder; it is
not one of the test tools). Each page is run once with Lighthouse's default mobile settings
(simulated slow 4G and a mid-range phone) and once as a desktop; the script prints the
performance and accessibility scores (0-100) and the page's transferred kilobytes.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

PAGES = {
    "home": "",
    "roadmap": "learn/roadmap/",
    "planner": "planner/",
    "catalogue": "learn/catalogue/",
    "topic": "learn/topics/gradient-descent/",
    "resource": "learn/resources/dive-into-deep-learning/",
    "stage": "learn/stages/foundations/",
    "about": "about/",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that sends text files gzipped, as any production host would."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


def run(lighthouse: str, chromium: str, url: str, desktop: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        argv = [
            lighthouse, url, "--output=json", f"--output-path={out}", "--quiet",
            "--only-categories=performance,accessibility", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]  # fmt: skip
        if desktop:
            argv.append("--preset=desktop")
        subprocess.run(argv, check=True, env={"CHROME_PATH": chromium, "PATH": "/usr/bin:/bin"}, timeout=300)
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--lighthouse", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        print("| page | mobile performance | mobile accessibility | desktop performance | KB sent | CLS (mobile) | LCP (mobile) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for kind, path in PAGES.items():
            mobile = run(args.lighthouse, args.chromium, base + path, desktop=False)
            desktop = run(args.lighthouse, args.chromium, base + path, desktop=True)
            print(
                f"| {kind} | {mobile['performance']} | {mobile['accessibility']} | {desktop['performance']} | "
                f"{mobile['kb']} | {mobile['cls']} | {mobile['lcp_s']} s |",
                flush=True,
            )
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
