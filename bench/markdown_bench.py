"""Markdown fields in linear time: validating a field of adversarial text 10x longer costs about 10x.

    .venv/bin/python bench/markdown_bench.py [--rounds 5]

For each pattern (the old scanners' cubic case `_x {a} `, unclosed emphasis and links, deep
nesting, backtick runs, many formulas, raw HTML), a field of about 20 KB and one of about 200 KB
are checked (`kb/markdown.issues`, which parses, judges every token and checks every formula) and
rendered (`to_html`); the ratio of the two medians is printed. A ratio near 10 is linear; the
caches are cleared before each run, and the cyclic collector is paused as when `validate` loads
records (otherwise its passes over a growing heap add a superlinear term of their own). Figures go in bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from generator import collector
from generator.kb import markdown, tex

PATTERNS: dict[str, str] = {
    "attribute-list-like `_x {a} `": "_x {a} ",
    "unclosed emphasis `*a _b `": "*a _b ",
    "unclosed links `[a](`": "[a](b ",
    "nested brackets `[[[`": "[[[ ",
    "backtick runs": "`` ` ``` a ",
    "formulas `$x_1^2$`": "$x_{1}^{2}$ and ",
    "raw HTML `<b>`": "<b>x</b> ",
    "quotes and lists `> - `": "> - a\n",
    "plain prose": "The gradient points uphill. ",
}


def _clear() -> None:
    markdown._tokens.cache_clear()
    markdown.to_html.cache_clear()
    tex._convert.cache_clear()
    tex.plain.cache_clear()


def _time(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        _clear()
        with collector.paused():  # as `roadmap validate` loads records (generator/collector.py)
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("| pattern | 20 KB, ms | 200 KB, ms | ratio |")
    print("|---|---:|---:|---:|")
    for name, unit in PATTERNS.items():
        small = unit * (20_000 // len(unit))
        large = unit * (200_000 // len(unit))

        def run(text: str) -> Callable[[], object]:
            return lambda: (markdown.issues(text, block=True), markdown.to_html(text, block=True))

        a, b = _time(run(small), args.rounds), _time(run(large), args.rounds)
        print(f"| {name} | {a * 1000:.1f} | {b * 1000:.1f} | {b / a:.1f} |")


if __name__ == "__main__":
    main()
