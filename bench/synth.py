"""Write a synthetic knowledge base of realistic shape, for benchmarks.

    python bench/synth.py OUT_DIR --topics 1000 [--resources 4000] [--seed 1]

Shape: the real stages file; topics spread over the three topic stages and five
areas; each topic has 0-4 prerequisites drawn mostly from nearby earlier topics
(long chains) and sometimes from far back (shared ancestors), none implied by the
others; resources cover 1 to 12 topics each, and every topic is covered.
The output is valid: `roadmap validate --root OUT_DIR` passes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from generator.kb.vocabulary import AREAS, COSTS, KINDS, LEVELS

HERE = Path(__file__).resolve().parent
STAGES = HERE.parent / "roadmap" / "stages.yml"
TOPIC_STAGES = ("foundations", "advanced", "machine-learning")
WORDS = [
    "matrix",
    "vector",
    "gradient",
    "kernel",
    "margin",
    "prior",
    "posterior",
    "sample",
    "estimate",
    "norm",
    "basis",
    "rank",
    "eigen",
    "convex",
    "dual",
    "entropy",
    "loss",
    "layer",
    "network",
    "cluster",
    "distance",
    "variance",
    "mean",
    "tensor",
    "step",
    "rate",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _reachable(graph: dict[int, list[int]], start: int) -> set[int]:
    seen: set[int] = set()
    todo = list(graph[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph[node])
    return seen


def write(out: Path, topics: int, resources: int, seed: int = 1) -> None:
    """Write `topics` topics and `resources` resources under `out` (replacing it)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "roadmap").mkdir(parents=True)
    (out / "resources").mkdir()
    shutil.copy(STAGES, out / "roadmap" / "stages.yml")

    # Topics are numbered in a valid study order; stage boundaries split the range in three.
    bounds = (topics * 2 // 5, topics * 3 // 4)
    stage_of = [TOPIC_STAGES[(i >= bounds[0]) + (i >= bounds[1])] for i in range(topics)]
    prereqs: dict[int, list[int]] = {}
    description = " ".join(_sentence(rng, 12) for _ in range(12))
    for i in range(topics):
        wanted = 0 if i < 5 else rng.choice((1, 1, 2, 2, 3, 4))
        chosen: list[int] = []
        ancestors: set[int] = set()
        for _ in range(wanted * 3):
            if len(chosen) == wanted:
                break
            # Mostly a recent topic (long chains), sometimes a far one (shared ancestors).
            j = max(0, i - 1 - int(rng.expovariate(1 / 6))) if rng.random() < 0.8 else rng.randrange(i)
            if j in chosen or j in ancestors:
                continue
            reach = _reachable(prereqs, j)
            if any(c in reach for c in chosen):
                continue  # j would imply an edge we already have
            chosen.append(j)
            ancestors |= reach | {j}
        prereqs[i] = chosen
        lines = [
            f"title: Topic {i} {rng.choice(WORDS)}",
            f"stage: {stage_of[i]}",
            f"area: {AREAS[i % len(AREAS)]}",
            f"summary: {_sentence(rng, 14)}",
            "description: |",
            f"  {description}",
            f"why_it_matters: {_sentence(rng, 20)}",
            "goals:",
            *(f"  - {_sentence(rng, 8)}" for _ in range(4)),
            f"hours: {rng.randint(2, 12)}",
            "prerequisites:" if chosen else "prerequisites: []",
        ]
        for j in chosen:
            lines += [
                f"  - topic: t{j:05d}",
                f"    strength: {rng.choice(('required', 'required', 'recommended'))}",
                f"    reason: {_sentence(rng, 10)}",
            ]
        # Four exercises, as real topics have, each with a formula in its question and solution.
        lines.append("exercises:")
        for goal in range(1, 5):
            lines += [
                f"  - kind: {('compute', 'explain', 'code', 'compute')[goal - 1]}",
                f"    goals: [{goal}]",
                "    question: |",
                f"      {_sentence(rng, 16)} What is $x_{goal}^2 + \\frac{{1}}{{{goal}}}$?",
                "    solution: |",
                f"      {_sentence(rng, 30)} So $x_{goal}^2 = {goal * goal}$.",
            ]
        (out / "roadmap" / f"t{i:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    uncovered = list(range(topics))
    rng.shuffle(uncovered)
    for r in range(resources):
        count = min(topics, rng.choice((1, 1, 2, 3, 4, 6, 8, 12)))
        covered = {uncovered.pop() for _ in range(min(count, len(uncovered)))}
        while len(covered) < count:
            covered.add(rng.randrange(topics))
        kind = KINDS[r % len(KINDS)]
        lines = [
            f"title: Resource {r}",
            f"kind: {kind}",
            f"url: https://host{r % 97}.example.org/resource/{r}",
            f"authors: [Author {r % 13}, Author {r % 7}]",
            f"cost: {COSTS[r % 3]}",
            f"level: {LEVELS[r % 3]}",
            f"hours: {rng.randint(1, 80)}",
            f"description: {_sentence(rng, 25)}",
            "covers:",
            *(f"  - topic: t{t:05d}\n    sections: Ch. {k + 1}" for k, t in enumerate(sorted(covered))),
        ]
        (out / "resources" / f"r{r:06d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--resources", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.topics, args.resources if args.resources is not None else 4 * args.topics, args.seed)


if __name__ == "__main__":
    main()
