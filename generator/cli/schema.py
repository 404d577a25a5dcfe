"""`roadmap schema`: the JSON Schema of the records, made from the models."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _schema(args: argparse.Namespace) -> int:
    from generator.kb.models import json_schemas

    schemas = json_schemas()
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for kind, schema in schemas.items():
            (out / f"{kind}.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {', '.join(f'{out}/{k}.schema.json' for k in schemas)}")
        return 0
    chosen = {args.kind: schemas[args.kind]} if args.kind else schemas
    document = next(iter(chosen.values())) if args.kind else chosen
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("schema", parents=[common], help="print the JSON Schema of the YAML records")
    p.add_argument("--kind", choices=["topic", "resource", "stages"], help="print only this kind's schema")
    p.add_argument("--out", metavar="DIR", help="write <kind>.schema.json files into DIR instead of printing")
    p.set_defaults(func=_schema)
