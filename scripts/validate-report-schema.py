#!/usr/bin/python3
"""Validates handoff JSON reports against docs/report.schema.json (JSON Schema 2020-12).

usage: scripts/validate-report-schema.py [--schema FILE] REPORT.json...

Exit 0 when every report is valid, 1 when one is not (each error is printed with its JSON
path), 77 when python3-jsonschema is not installed (ctest's skip code) -- unless the
environment variable CI is set: there a missing validator is a failure (exit 1), so nothing
is skipped in CI. Error messages name paths and rule ids; report values are already masked.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "docs", "report.schema.json")


def main(argv):
    schema_file = DEFAULT_SCHEMA
    reports = []
    args = iter(argv)
    for arg in args:
        if arg == "--schema":
            schema_file = next(args)
        else:
            reports.append(arg)
    if not reports:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        if os.environ.get("CI"):
            print("FAILED: python3-jsonschema is not installed (CI installs it in .ci/run)", file=sys.stderr)
            return 1
        print("SKIPPED: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        return 77
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    if validator_class is not jsonschema.Draft202012Validator:
        print(f"FAILED: {schema_file} is not a draft 2020-12 schema", file=sys.stderr)
        return 1
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    bad = 0
    for report in reports:
        try:
            with open(report, encoding="utf-8") as f:
                instance = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{report}: not JSON: {e}", file=sys.stderr)
            bad += 1
            continue
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            print(f"{report}: {where}: {e.message[:300]}", file=sys.stderr)
        if errors:
            bad += 1
    print(f"report schema: {len(reports) - bad} of {len(reports)} reports valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
