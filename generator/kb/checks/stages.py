"""Checks on the stages: each id and order used once, and every topic in a stage that exists."""

from __future__ import annotations

from generator.kb.checks.registry import Found, Records, check
from generator.kb.problems import did_you_mean


@check("duplicate-stage")
def duplicate_stage(records: Records) -> Found:
    if records.stages_file is None:
        return
    parsed, doc = records.stages_file
    seen: set[str] = set()
    for i, stage in enumerate(parsed.stages):
        if stage.id in seen:
            yield doc.at(("stages", i, "id")), f"stage id `{stage.id}` is used twice; ids must be unique"
        seen.add(stage.id)


@check("duplicate-stage-order")
def duplicate_stage_order(records: Records) -> Found:
    if records.stages_file is None:
        return
    parsed, doc = records.stages_file
    seen: set[str] = set()
    orders: dict[int, str] = {}
    for i, stage in enumerate(parsed.stages):
        if stage.id in seen:
            continue  # a repeated id is its own problem; its order is judged once that is fixed
        seen.add(stage.id)
        if stage.order in orders:
            yield (
                doc.at(("stages", i, "order")),
                f"`stages[{i}].order` {stage.order} is also used by `{orders[stage.order]}`; give each stage its own order",
            )
        orders[stage.order] = stage.id


@check("unknown-stage")
def unknown_stage(records: Records) -> Found:
    if records.stages is None:
        return  # the stages file is broken, and reported
    order = records.stage_order
    # Stages with `kinds` gather resources; topics belong to the others.
    topic_stages = sorted((sid for sid, stage in records.stages.items() if not stage.kinds), key=order.__getitem__)
    for stage, doc in records.stage_names.values():
        if stage not in order:
            hint = did_you_mean(stage, order) or f"; use one of: {', '.join(topic_stages)}"
            yield doc.at(("stage",)), f"`stage` is `{stage}`, which is not a stage in roadmap/stages.yml{hint}"
