"""Checks on a topic's exercises: each names goals the topic has, and together they test every goal."""

from __future__ import annotations

from generator.kb.checks.registry import Found, Records, check


@check("exercise-goals")
def exercise_goals(records: Records) -> Found:
    for _, (topic, doc) in sorted(records.topics.items()):
        count = len(topic.goals)
        tested: set[int] = set()
        for i, exercise in enumerate(topic.exercises):
            for j, number in enumerate(exercise.goals):
                if number > count:
                    yield (
                        doc.at(("exercises", i, "goals", j)),
                        f"`exercises[{i}].goals` names goal {number}, but the topic has {count} goals; number them from 1 as listed under `goals`",
                    )
                elif number in exercise.goals[:j]:
                    yield doc.at(("exercises", i, "goals", j)), f"`exercises[{i}].goals` names goal {number} twice; keep one"
            tested.update(exercise.goals)
        for number in range(1, count + 1):
            if number not in tested:
                yield (
                    doc.at(("goals", number - 1)),
                    f"goal {number} is tested by no exercise: add one whose `goals` include {number}, or name it in an exercise that tests it",
                )
