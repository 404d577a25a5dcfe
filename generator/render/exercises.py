"""A topic's exercises, in the one place that decides how they are shown: the "Check yourself"
section of its page (each solution behind a disclosure that works with JavaScript off), and the
text and Markdown that `roadmap exercises` prints."""

from __future__ import annotations

import json

from generator.kb.markdown import to_html, to_text
from generator.kb.models import Exercise, Topic
from generator.kb.vocabulary import EXERCISE_KIND_LABELS
from generator.render.text import block_html, h, join_words, md_backslashed
from generator.safe_text import printable_lines


def _goal_words(exercise: Exercise) -> str:
    numbers = [str(n) for n in exercise.goals]
    return f"goal{'s' if len(numbers) > 1 else ''} {join_words(numbers)}"


def exercise_anchor(number: int) -> str:
    return f"exercise-{number}"


def exercises_section(tid: str, topic: Topic) -> list[str]:
    """The "Check yourself" part of a topic page, as finished HTML blocks."""
    body = [
        "## Check yourself",
        "",
        f'<p class="rm-exercises-intro">{len(topic.exercises)} exercises test the goals above. Try each before you open its solution; '
        "mark it <em>got it</em> or <em>not yet</em>, and the planner brings back what you have not got yet.</p>",
        "",
    ]
    for number, exercise in enumerate(topic.exercises, start=1):
        label = f"Exercise {number}"
        body += [
            f'<section class="rm-exercise" id="{exercise_anchor(number)}" data-topic="{h(tid)}" data-exercise="{number}" aria-label="{label}">',
            f'<p class="rm-exercise-head"><strong>{label}</strong> <span class="rm-tag rm-tag--kind">{h(EXERCISE_KIND_LABELS[exercise.kind])}</span> '
            f'<span class="rm-exercise-goals">tests {h(_goal_words(exercise))}</span></p>',
            block_html(exercise.question),
            '<details class="rm-solution" data-search-exclude>',  # the questions are searchable, not every worked solution
            f"<summary>Solution to exercise {number}</summary>",
            block_html(exercise.solution),
            "</details>",
            f'<div class="rm-exercise-mark" data-topic="{h(tid)}" data-exercise="{number}"></div>',
            "</section>",
            "",
        ]
    return body


def exercises_text(tid: str, topic: Topic, *, solutions: bool) -> str:
    """The exercises as plain text for a terminal: formulas in their plain form."""
    lines = [f"Exercises: {topic.title} ({tid})", ""]
    for number, exercise in enumerate(topic.exercises, start=1):
        lines += [f"{number}. [{EXERCISE_KIND_LABELS[exercise.kind]}; tests {_goal_words(exercise)}]", ""]
        lines += ["   " + line if line else "" for line in to_text(exercise.question).rstrip("\n").split("\n")]
        lines.append("")
        if solutions:
            lines += ["   Solution:", ""]
            lines += ["   " + line if line else "" for line in to_text(exercise.solution).rstrip("\n").split("\n")]
            lines.append("")
    if not solutions:
        lines.append(f"Solutions: roadmap exercises {tid} --solutions")
    return printable_lines("\n".join(lines).rstrip("\n")) + "\n"


def exercises_markdown(tid: str, topic: Topic, *, solutions: bool) -> str:
    """The exercises as Markdown with their TeX, to paste into notes that typeset `$...$`."""
    lines = [f"# Exercises: {md_backslashed(topic.title)}", ""]
    for number, exercise in enumerate(topic.exercises, start=1):
        lines += [f"## Exercise {number} ({EXERCISE_KIND_LABELS[exercise.kind].lower()}; tests {_goal_words(exercise)})", ""]
        lines += [exercise.question.strip(), ""]
        if solutions:
            lines += ["**Solution.**", "", exercise.solution.strip(), ""]
    return printable_lines("\n".join(lines).rstrip("\n")) + "\n"


def exercises_json(tid: str, topic: Topic) -> str:
    """`learn/data/exercises/<id>.json`: a topic's exercises for the planner's placement (which
    shows them without a page of their own). Question and solution are the sanitised HTML of
    `kb/markdown.py`, formulas included, so the browser renders no Markdown or TeX itself."""
    data = {
        "topic": tid,
        "title": topic.title,
        "exercises": [
            {
                "number": number,
                "kind": exercise.kind,
                "label": EXERCISE_KIND_LABELS[exercise.kind],
                "goals": list(exercise.goals),
                "question": to_html(exercise.question, block=True),
                "solution": to_html(exercise.solution, block=True),
            }
            for number, exercise in enumerate(topic.exercises, start=1)
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
