// Reads a JSON list of YAML documents on stdin and prints, for each, the value of its key
// `k` as the YAML 1.2 core schema reads it (the `yaml` package, which editors use), tagged
// with its type so that tests/kb/test_yaml_core.py can compare it with our loader.
import { parse } from "yaml";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const documents = JSON.parse(Buffer.concat(chunks).toString("utf8"));

function tagged(value) {
  if (value === null) return ["null", null];
  if (typeof value === "boolean") return ["bool", value];
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ["number", "nan"];
    if (!Number.isFinite(value)) return ["number", value > 0 ? "inf" : "-inf"];
    return ["number", value];
  }
  if (typeof value === "string") return ["str", value];
  return ["other", String(value)];
}

process.stdout.write(JSON.stringify(documents.map((text) => tagged(parse(text, { version: "1.2", schema: "core" }).k))));
