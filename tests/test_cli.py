"""The CLI contract: exit statuses, export and schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import jsonschema
import yaml

from helpers import MINI, Result


def test_validate_ok(run: Callable[..., Result]) -> None:
    result = run("validate", "--root", MINI)
    assert result.code == 0
    assert result.out == "ok: 5 stages, 6 topics, 4 resources, no problems\n"


def test_usage_error_exits_2(run: Callable[..., Result]) -> None:
    assert run("validate", "--no-such-flag").code == 2
    assert run("no-such-command").code == 2
    assert run().code == 2


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(MINI)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_export_contract(run: Callable[..., Result]) -> None:
    result = run("export", "--root", MINI)
    assert result.code == 0
    data = json.loads(result.out)
    assert list(data) == ["stages", "topics", "resources"]
    for key in data:
        ids = [item["id"] for item in data[key]]
        assert ids == sorted(ids)
    topic = next(t for t in data["topics"] if t["id"] == "gradients")
    assert {"id", "title", "stage", "area", "summary", "hours", "prerequisites", "resources"} <= set(topic)
    assert topic["prerequisites"] == [
        {"topic": "derivatives", "strength": "required", "reason": "A gradient collects partial derivatives."},
        {"topic": "vectors", "strength": "recommended", "reason": "A gradient is a vector."},
    ]
    assert topic["resources"] == ["calculus-videos"]
    resource = next(r for r in data["resources"] if r["id"] == "la-book")
    assert {"id", "title", "kind", "url", "cost", "level", "covers"} <= set(resource)
    assert resource["covers"][1] == {"topic": "matrices", "sections": "Ch. 2-3"}


def test_export_of_bad_data_exits_1(mini_root: Path, run: Callable[..., Result]) -> None:
    (mini_root / "roadmap" / "vectors.yml").write_text("title: [\n")
    result = run("export", "--root", mini_root)
    assert result.code == 1 and result.out == ""


def test_schema_validates_every_fixture_record(run: Callable[..., Result]) -> None:
    result = run("schema")
    schemas = json.loads(result.out)
    assert set(schemas) == {"stages", "topic", "resource"}
    for kind, folder in (("topic", "roadmap"), ("resource", "resources")):
        for file in (MINI / folder).glob("*.yml"):
            if file.name == "stages.yml":
                continue
            jsonschema.validate(yaml.safe_load(file.read_text()), schemas[kind])
    jsonschema.validate(yaml.safe_load((MINI / "roadmap" / "stages.yml").read_text()), schemas["stages"])


def test_schema_rejects_unknown_keys_and_bad_enums(run: Callable[..., Result]) -> None:
    schema = json.loads(run("schema", "--kind", "resource").out)
    record = yaml.safe_load((MINI / "resources" / "la-book.yml").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(record))
    assert list(validator.iter_errors({**record, "colour": "red"}))
    assert list(validator.iter_errors({**record, "kind": "bok"}))


def test_schema_out_writes_files(tmp_path: Path, run: Callable[..., Result]) -> None:
    assert run("schema", "--out", tmp_path).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resource.schema.json", "stages.schema.json", "topic.schema.json"]


def test_command_map_matches_what_each_module_registers() -> None:
    import argparse
    import importlib

    from generator.cli import _COMMAND_MODULES

    for module, commands in _COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module).register(sub, argparse.ArgumentParser(add_help=False))
        assert tuple(sub.choices) == commands, module


def test_a_light_command_does_not_load_the_models() -> None:
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n    main(['check-links', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def _roadmap(*args: object, stdout: int | IO[str] | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process: `python -m generator` is `cli.run`."""
    argv = [sys.executable, "-m", "generator", *map(str, args)]
    return subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, text=True)


def test_entry_point_exits_with_the_commands_status_and_flushes_its_output(tmp_path: Path) -> None:
    done = _roadmap("export", "--root", MINI)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["topics"], "the whole export arrived, though the process skips its teardown"
    bad = tmp_path / "kb"
    bad.mkdir()
    done = _roadmap("validate", "--root", bad)
    assert done.returncode == 2 and "no roadmap/ or resources/ folder" in done.stderr


def test_output_into_a_full_disk_is_an_error_without_a_traceback() -> None:
    if not Path("/dev/full").exists():
        return  # Linux's always-full device; nothing to write into elsewhere
    for command in ("export", "validate"):
        with open("/dev/full", "w") as full:
            done = _roadmap(command, "--root", MINI, stdout=full)
        assert done.returncode == 1, (command, done.stderr)
        assert "No space left on device" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    # `roadmap validate | true`: the reader is gone before anything is written (closed
    # before the interpreter has even started), so writing or flushing meets a broken pipe.
    for command in ("export", "validate"):
        argv = [sys.executable, "-m", "generator", command, "--root", str(MINI)]
        with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()
            err = proc.stderr.read().decode()
        assert proc.returncode == 0 and "Traceback" not in err and "Exception ignored" not in err, (command, err)


def test_a_file_name_with_escape_codes_or_a_newline_is_shown_escaped_on_one_line(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    shutil.copy(root / "roadmap" / "vectors.yml", root / "roadmap" / "\x1b[31mred.yml")
    (root / "roadmap" / "new\nline\u202e.yml").write_text("x", encoding="utf-8")
    result = run("validate", "--root", root)
    assert result.code == 1
    assert result.err.splitlines() == [
        "roadmap/\\x1b[31mred.yml:1:1: error[file-name]: file name `\\x1b[31mred.yml` is not a valid id: "
        "use lowercase words joined by hyphens, e.g. `gradient-descent.yml`",
        "roadmap/new\\x0aline\\u202e.yml:1:1: error[file-name]: file name `new\\x0aline\\u202e.yml` is not a valid id: "
        "use lowercase words joined by hyphens, e.g. `gradient-descent.yml`",
        "2 problems in 2 files",
    ]


def test_a_problem_is_one_line_whatever_its_path_and_message_hold() -> None:
    from generator.kb.problems import Position, Problem

    problem = Problem(Position("roadmap/a\r\n\x1b]0;title\x07\x9b2J\u2066.yml", 2, 3), "bad `\x1b[2J\u202e`", "text")
    assert str(problem) == "roadmap/a\\x0d\\x0a\\x1b]0;title\\x07\\x9b2J\\u2066.yml:2:3: error[text]: bad `\\x1b[2J\\u202e`"


def test_error_lines_and_messages_show_control_characters_escaped(tmp_path: Path, run: Callable[..., Result]) -> None:
    unknown = run("plan", "a\x1b[2Jb\u202e", "--root", MINI)
    assert unknown.code == 2
    assert unknown.err.startswith("roadmap plan: error: no topic has the id `a\\x1b[2Jb\\u202e`;")
    out = tmp_path / "out\x1b]0;pwned\x07\nnext"
    generated = run("generate", "--root", MINI, "--out", out)
    assert generated.code == 0, generated.err
    assert generated.out.endswith("out\\x1b]0;pwned\\x07\\x0anext/\n")
    assert generated.out.count("\n") == 1
    assert "\x1b" not in unknown.err + generated.out
