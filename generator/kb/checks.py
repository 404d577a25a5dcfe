"""Checks: one record against its model, and all records against each other.

Every check returns problems instead of raising, so a run can report all of
them at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, get_args, get_origin
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.kb.models import Resource, Stage, Topic
from generator.kb.problems import Position, Problem, closest, did_you_mean, field_path
from generator.kb.strict_yaml import Document, Loc

_STRENGTH_RANK = {"recommended": 1, "required": 2}


def _yaml_type(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false (`{str(value).lower()}`)"
    if isinstance(value, (int, float)):
        return f"a number (`{value}`)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{value}`"


def _container(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The (sub)model whose field `loc` names, following list items and nested records."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the (sub)model that `loc` points into."""
    container = _container(model, loc)
    return list(container.model_fields) if container else []


def _choices(model: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    """The allowed values of the enum field at `loc`, or () when it is not an enum."""
    container = _container(model, loc)
    field = container.model_fields.get(str(loc[-1])) if container and loc else None
    if field is None or get_origin(field.annotation) is not Literal:
        return ()
    return tuple(str(arg) for arg in get_args(field.annotation))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    name = field_path(loc)
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        values = _choices(model, loc)
        if values:
            return f"`{name}` is missing; add `{loc[-1]}: ...` here (one of: {', '.join(values)})"
        return f"`{name}` is missing; add `{loc[-1]}: ...` here"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc)
        hint = did_you_mean(str(loc[-1]), allowed)
        if loc == ("id",):
            return "unknown key `id`: the file name is the id; remove this line"
        return f"unknown key `{name}`{hint or '; remove it'} (allowed here: {', '.join(allowed)})"
    if kind == "literal_error":
        choices = [c.strip("'") for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"`{name}` is {_yaml_type(value)}, which is not one of: {', '.join(choices)}{hint}"
    if kind == "string_type":
        quote = "; put it in quotes" if isinstance(value, (bool, int, float)) or value is None else ""
        if isinstance(value, list):
            quote = "; write it on one line (or as a `>-` block), not as `- items`"
        return f"`{name}` must be text, not {_yaml_type(value)}{quote}"
    if kind in ("int_type", "float_type", "int_from_float"):
        whole = "a whole number" if kind != "float_type" else "a number"
        return f"`{name}` must be {whole}, not {_yaml_type(value)}"
    if kind in ("list_type",):
        return f"`{name}` must be a list (one `- item` per line), not {_yaml_type(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"`{name or 'the file'}` must be a mapping of keys, not {_yaml_type(value)}"
    if kind == "string_pattern_mismatch":
        return f"`{name}` is `{value}`, not an id: use lowercase words joined by hyphens, e.g. `gradient-descent`"
    if kind == "too_short":
        if isinstance(value, str):
            return f"`{name}` is empty; write something here"
        return f"`{name}` needs at least {ctx.get('min_length')} item(s), has {len(value) if hasattr(value, '__len__') else 0}"
    if kind == "too_long":
        return f"`{name}` allows at most {ctx.get('max_length')} item(s); keep the best ones"
    if kind == "string_too_short":
        return f"`{name}` is empty; write something here"
    if kind == "string_too_long":
        return f"`{name}` is longer than {ctx.get('max_length')} characters; shorten it"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bounds = {"greater_than": "greater than", "greater_than_equal": "at least", "less_than": "less than", "less_than_equal": "at most"}
        limit = next(iter(ctx.values()), "")
        return f"`{name}` is {value}; it must be {bounds[kind]} {limit}"
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
        if not name:
            return text
        return f"`{name}` {text}" if not text[:1].isupper() else f"`{name}`: {text}"
    return f"`{name}`: {error['msg']}"


def record_problems(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate one loaded document against its model."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        misspelt = _misspelt_fields(errors, model)
        for error in errors:
            loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
            if error["type"] == "missing" and loc in misspelt:
                continue  # the unknown key next to it already says "did you mean"
            at_key = error["type"] in ("extra_forbidden",)
            position = doc.at(loc, key=at_key) if error["type"] != "missing" else doc.at(loc[:-1])
            problems.append(Problem(position, _message(error, model)))
        return None, problems


class _Lazy:
    """Where something is written, resolved only if a problem is reported there."""

    __slots__ = ("doc", "loc")

    def __init__(self, doc: Document, loc: Loc) -> None:
        self.doc, self.loc = doc, loc

    @property
    def position(self) -> Position:
        return self.doc.at(self.loc)


def _misspelt_fields(errors: Sequence[ErrorDetails], model: type[BaseModel]) -> set[Loc]:
    """Missing fields whose name an unknown key beside them is a misspelling of (`levl` for `level`)."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    found: set[Loc] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or not loc:
            continue
        close = closest(str(loc[-1]), _allowed_keys(model, loc))
        if close is not None and loc[:-1] + (close,) in missing:
            found.add(loc[:-1] + (close,))
    return found


def normalise_url(url: str) -> str:
    """The form two URLs are compared in: case of scheme and host, default port, trailing slash, fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def cross_problems(
    stages: Mapping[str, tuple[Stage, Position]] | None,
    topics: Mapping[str, tuple[Topic, Document]],
    resources: Mapping[str, tuple[Resource, Document]],
    topic_files: Iterable[str] = (),
    covered_elsewhere: Iterable[str] = (),
) -> list[Problem]:
    """All checks that look at more than one record.

    `stages` is None when the stages file itself is broken (its problems are
    reported already); `topic_files` are the ids of topic files that exist but
    failed validation, so references to them are not reported as unknown;
    `covered_elsewhere` are topics named by resource files that failed validation.
    """
    problems: list[Problem] = []
    known = set(topics) | set(topic_files)
    stage_order = {sid: stage.order for sid, (stage, _) in (stages or {}).items()}
    # Stages with `kinds` gather resources; topics belong to the others.
    topic_stages = sorted((sid for sid, (stage, _) in (stages or {}).items() if not stage.kinds), key=stage_order.__getitem__)

    covered: dict[str, list[str]] = defaultdict(list)
    maybe_covered = set(covered_elsewhere)
    for rid, (resource, doc) in resources.items():
        seen: dict[str, int] = {}
        for i, cover in enumerate(resource.covers):
            where = _Lazy(doc, ("covers", i, "topic"))
            if cover.topic not in known:
                problems.append(Problem(where.position, f"`covers[{i}].topic` names `{cover.topic}`, which is not a topic{_topic_hint(cover.topic, known)}"))
                meant = closest(cover.topic, known)
                if meant is not None:
                    # A misspelt cover is one mistake: the topic it meant is not also "uncovered".
                    maybe_covered.add(meant)
            elif cover.topic in seen:
                problems.append(Problem(where.position, f"`covers[{i}]` repeats topic `{cover.topic}` (also covers[{seen[cover.topic]}]); merge the sections into one entry"))
            else:
                seen[cover.topic] = i
                covered[cover.topic].append(rid)

    edges: dict[str, dict[str, tuple[str, _Lazy]]] = {}
    for tid, (topic, doc) in topics.items():
        if stages is not None and topic.stage not in stages:
            hint = did_you_mean(topic.stage, stage_order) or f"; use one of: {', '.join(topic_stages)}"
            problems.append(Problem(doc.at(("stage",)), f"`stage` is `{topic.stage}`, which is not a stage in roadmap/stages.yml{hint}"))
        out: dict[str, tuple[str, _Lazy]] = {}
        for i, pre in enumerate(topic.prerequisites):
            where = _Lazy(doc, ("prerequisites", i, "topic"))
            name = f"prerequisites[{i}].topic"
            if pre.topic == tid:
                problems.append(Problem(where.position, f"`{name}`: `{tid}` requires itself; remove this prerequisite"))
            elif pre.topic not in known:
                problems.append(Problem(where.position, f"`{name}` names `{pre.topic}`, which is not a topic{_topic_hint(pre.topic, known)}"))
            elif pre.topic not in topics:
                continue  # that topic's own file is broken and reported; judge this edge once it is fixed
            elif pre.topic in out:
                problems.append(Problem(where.position, f"`{name}` lists `{pre.topic}` a second time; keep one entry"))
            else:
                out[pre.topic] = (pre.strength, where)
                pre_stage = topics[pre.topic][0].stage
                if topic.stage in stage_order and pre_stage in stage_order and stage_order[pre_stage] > stage_order[topic.stage]:
                    problems.append(Problem(where.position, f"`{name}`: `{pre.topic}` is in the later stage `{pre_stage}`, so a learner meets `{tid}` (stage `{topic.stage}`) first; move one of them or drop the edge"))
        edges[tid] = out
        if not covered.get(tid) and tid not in maybe_covered:
            problems.append(Problem(Position(doc.path), f"no resource covers topic `{tid}`; add one under resources/ with `covers: [{{topic: {tid}, sections: ...}}]`"))

    cycle_problems = _cycles(edges)
    problems += cycle_problems
    if not cycle_problems:
        problems += _implied(edges)

    first_url: dict[str, tuple[str, _Lazy]] = {}
    normalised: dict[str, str] = {}
    for rid in sorted(resources):
        resource, doc = resources[rid]
        key = normalised[rid] = normalise_url(resource.url)
        where = _Lazy(doc, ("url",))
        if key in first_url:
            other, lazy_other = first_url[key]
            other_at = lazy_other.position
            problems.append(Problem(where.position, f"`url` is already used by `{other}` ({other_at.path}:{other_at.line}); one resource per address: extend that file's `covers` instead"))
        else:
            first_url[key] = (rid, where)
    problems += _plain_http(resources, normalised)
    return problems


def _topic_hint(name: str, known: Iterable[str]) -> str:
    return did_you_mean(name, known) or "; use a topic's id: its file name in roadmap/ without `.yml`"


# Top-level domains on the HSTS preload list as a whole: browsers reach every host
# under them over https only, so an http:// address there is always a mistake.
HTTPS_ONLY_TLDS = frozenset({"app", "dev", "page"})


def _plain_http(resources: Mapping[str, tuple[Resource, Document]], normalised: Mapping[str, str]) -> list[Problem]:
    """`http://` addresses where https is known to work, decided without the network.

    The evidence is our own data: the https form of the very address is listed
    already, or another resource reaches the same host over https (its address
    was checked when it was added), or the host is under an https-only TLD.
    Any other http address is left alone; the link checker reports a redirect
    to https when it sees one. `normalised` holds each resource's `normalise_url`.
    """
    plain = [rid for rid in sorted(resources) if resources[rid][0].url[:5].lower() == "http:"]
    if not plain:
        return []  # the usual case: nothing to compare, so no pass over every address
    https_urls: dict[str, str] = {}
    https_hosts: dict[str, str] = {}
    for rid in sorted(resources):
        url = resources[rid][0].url
        parts = urlsplit(url)
        if parts.scheme.lower() == "https" and parts.hostname:
            https_urls.setdefault(normalised[rid], rid)
            https_hosts.setdefault(parts.hostname.lower().rstrip("."), rid)
    problems = []
    for rid in plain:
        resource, doc = resources[rid]
        parts = urlsplit(resource.url)
        if parts.scheme.lower() != "http" or not parts.hostname:
            continue
        host = parts.hostname.lower().rstrip(".")
        secure = urlunsplit(("https", *parts[1:]))
        tld = host.rsplit(".", 1)[-1]
        twin = https_urls.get(normalise_url(secure))
        if twin is not None:
            line = resources[twin][1].at(("url",)).line
            message = (
                f"`url` is the http:// form of the address `{twin}` already uses (resources/{twin}.yml:{line}); "
                "one resource per address: extend that file's `covers` instead"
            )
        elif host in https_hosts:
            message = (
                f"`url` starts with http://, but `{https_hosts[host]}` (resources/{https_hosts[host]}.yml) reaches "
                f"{host} over https://; change it to `{secure}`"
            )
        elif tld in HTTPS_ONLY_TLDS:
            message = f"`url` starts with http://, but .{tld} sites are served over https:// only; change it to `{secure}`"
        else:
            continue
        problems.append(Problem(doc.at(("url",)), message))
    return problems


def _cycles(edges: Mapping[str, Mapping[str, tuple[str, _Lazy]]]) -> list[Problem]:
    """One problem per strongly connected group of topics, showing one whole cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0

    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child == node or child not in edges:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    problems = []
    for group in groups:
        members = set(group)
        start = group[0]
        # Walk inside the group from its first member back to itself: breadth-first gives a shortest cycle.
        previous: dict[str, str] = {}
        frontier = [start]
        found = False
        while frontier and not found:
            nxt = []
            for node in frontier:
                for child in sorted(edges[node]):
                    if child not in members:
                        continue
                    if child == start:
                        previous[start] = node
                        found = True
                        break
                    if child not in previous:
                        previous[child] = node
                        nxt.append(child)
                if found:
                    break
            frontier = nxt
        back = []
        node = previous[start]
        while node != start:
            back.append(node)
            node = previous[node]
        path = [start, *reversed(back)]
        steps = []
        for a, b in zip(path, path[1:] + [start]):
            where = edges[a][b][1].position
            steps.append(f"`{a}` requires `{b}` ({where.path}:{where.line})")
        first = edges[path[0]][path[1]][1].position
        problems.append(Problem(first, "prerequisites form a cycle: " + ", ".join(steps) + "; remove the edge that is not truly needed"))
    return problems


def _implied(edges: Mapping[str, Mapping[str, tuple[str, _Lazy]]]) -> list[Problem]:
    """Edges a->c that another path a->b->...->c already says, at least as strongly.

    A required edge is implied only by a path of required edges; a recommended one
    by any path. Ancestor sets are bitsets (Python ints) built in topological order,
    so this stays near-linear on graphs of thousands of topics.
    """
    order = _topological(edges)
    bit = {node: 1 << i for i, node in enumerate(order)}
    via_required: dict[str, int] = {}  # ancestors reachable through required edges only
    via_any: dict[str, int] = {}  # ancestors reachable at all
    for node in order:
        required = anything = 0
        for parent, (strength, _) in edges[node].items():
            anything |= bit[parent] | via_any[parent]
            if strength == "required":
                required |= bit[parent] | via_required[parent]
        via_required[node], via_any[node] = required, anything

    problems = []
    for node in sorted(edges):
        for target, (strength, where) in sorted(edges[node].items()):
            for via, (via_strength, _) in sorted(edges[node].items()):
                if via == target:
                    continue
                if strength == "required":
                    implied = via_strength == "required" and via_required[via] & bit[target]
                else:
                    implied = via_any[via] & bit[target]
                if implied:
                    problems.append(Problem(where.position, f"prerequisite `{target}` is already implied: `{node}` needs `{via}`, which needs `{target}`; remove this edge to keep the graph readable"))
                    break
    return problems


def _topological(edges: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Prerequisites before the topics that need them (the graph has no cycles here)."""
    waiting = {node: len(parents) for node, parents in edges.items()}
    children: dict[str, list[str]] = defaultdict(list)
    for node, parents in edges.items():
        for parent in parents:
            children[parent].append(node)
    ready = sorted(node for node, count in waiting.items() if count == 0)
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for child in children[node]:
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return order
