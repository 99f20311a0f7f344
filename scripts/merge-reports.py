#!/usr/bin/env python3
"""Merges handoff JSON reports (one per repository) into one organisation review.

usage: scripts/merge-reports.py [--title TITLE] [--markdown FILE] [--html FILE] REPORT.json...

Each report's repository name is its file name without .json (the organisation workflow,
.github/workflows/org-scan.yml, names them so). Writes Markdown (stdout when --markdown is
not given) and, with --html, one self-contained HTML page (inline CSS, no script, nothing
fetched). It copies only what the reports hold outside their evidence and context fields:
rule ids, severities, locations and messages -- JSON reports never hold a secret in full, and
this never prints evidence or context lines at all. Exit 0 written, 2 a report is unreadable.
"""
import argparse
import collections
import html
import json
import os
import sys

SEVERITIES = ["critical", "high", "medium", "low", "info"]
LISTED_PER_REPO = 50


def clean(text):
    """One printable line: control characters become spaces."""
    return "".join(c if c >= " " and c != "\x7f" else " " for c in str(text)).strip()


def md(text):
    return clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("<", "&lt;")


def load(paths):
    repos = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            print(f"merge-reports: {path}: {e}", file=sys.stderr)
            sys.exit(2)
        if not isinstance(report, dict) or report.get("tool", {}).get("name") != "handoff":
            print(f"merge-reports: {path}: not a handoff JSON report", file=sys.stderr)
            sys.exit(2)
        name = os.path.basename(path)
        if name.endswith(".json"):
            name = name[: -len(".json")]
        repos.append((name, report))
    repos.sort(key=lambda r: r[0].lower())
    return repos


def repo_row(name, report):
    s = report.get("summary", {})
    findings = report.get("findings", [])
    rotate = {f.get("fingerprint") for f in findings if f.get("family") == "embedded-token"}
    incomplete = sum(1 for d in report.get("diagnostics", []) if d.get("kind") in ("parse-error", "limit", "unreadable", "internal"))
    return {
        "name": name,
        "counts": [int(s.get(k, 0)) for k in SEVERITIES],
        "files": int(s.get("files", 0)),
        "rotate": len(rotate),
        "secrets": len(report.get("inventory", [])),
        "incomplete": incomplete,
        "suppressed": int(s.get("suppressed", 0)),
    }


def worst_first(findings):
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (order.get(f.get("severity"), 9), f.get("location", {}).get("path", ""),
                                           f.get("location", {}).get("line", 0)))


def rule_totals(repos):
    totals = collections.OrderedDict()
    for name, report in repos:
        for f in report.get("findings", []):
            entry = totals.setdefault(f.get("rule", "?"), {"severity": f.get("severity", "info"), "findings": 0, "repos": set()})
            entry["findings"] += 1
            entry["repos"].add(name)
            if SEVERITIES.index(f.get("severity", "info")) < SEVERITIES.index(entry["severity"]):
                entry["severity"] = f.get("severity")
    return sorted(totals.items(), key=lambda kv: (SEVERITIES.index(kv[1]["severity"]), -kv[1]["findings"], kv[0]))


def where(f):
    loc = f.get("location", {})
    return f"{loc.get('path', '')}:{loc.get('line', 0)}"


def markdown(title, repos):
    rows = [repo_row(n, r) for n, r in repos]
    total = [sum(r["counts"][i] for r in rows) for i in range(len(SEVERITIES))]
    out = [f"# {md(title)}", ""]
    out.append(f"{len(rows)} repositories scanned, {sum(r['files'] for r in rows)} files; "
               f"findings: " + ", ".join(f"{total[i]} {s}" for i, s in enumerate(SEVERITIES)) + "; "
               f"{sum(r['rotate'] for r in rows)} keys to rotate.")
    out += ["", "## Repositories", "",
            "| repository | critical | high | medium | low | info | keys to rotate | secrets needed | files | incomplete |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in sorted(rows, key=lambda r: [-c for c in r["counts"]] + [r["name"]]):
        out.append(f"| {md(r['name'])} | " + " | ".join(str(c) for c in r["counts"]) +
                   f" | {r['rotate']} | {r['secrets']} | {r['files']} | {r['incomplete'] or ''} |")
    out += ["", "## Rules", "", "| rule | worst severity | findings | repositories |", "|---|---|---:|---|"]
    for rule, t in rule_totals(repos):
        out.append(f"| `{md(rule)}` | {t['severity']} | {t['findings']} | {md(', '.join(sorted(t['repos'])))} |")
    out += ["", "## Findings by repository", ""]
    for name, report in repos:
        findings = worst_first(report.get("findings", []))
        out.append(f"### {md(name)}")
        out.append("")
        if not findings:
            out += ["No findings.", ""]
            continue
        out += ["| severity | rule | where | message |", "|---|---|---|---|"]
        for f in findings[:LISTED_PER_REPO]:
            out.append(f"| {md(f.get('severity', ''))} | `{md(f.get('rule', ''))}` | {md(where(f))} | {md(f.get('message', ''))} |")
        if len(findings) > LISTED_PER_REPO:
            out.append(f"\n... and {len(findings) - LISTED_PER_REPO} more (see the repository's JSON report).")
        out.append("")
    return "\n".join(out) + "\n"


CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1f2328}
table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}code{font-size:90%}
.critical{color:#fff;background:#82071e}.high{color:#fff;background:#cf222e}.medium{background:#fff8c5}.low{background:#ddf4ff}
.sev{padding:0 .4em;border-radius:.3em}"""


def page(title, repos):
    e = lambda t: html.escape(clean(t))
    rows = [repo_row(n, r) for n, r in repos]
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", f"<h1>{e(title)}</h1>",
             f"<p>{len(rows)} repositories scanned, {sum(r['files'] for r in rows)} files, "
             f"{sum(r['rotate'] for r in rows)} keys to rotate.</p>",
             "<h2>Repositories</h2>", "<table>", "<thead><tr><th>repository</th>" +
             "".join(f"<th>{s}</th>" for s in SEVERITIES) +
             "<th>keys to rotate</th><th>secrets needed</th><th>files</th><th>incomplete</th></tr></thead>", "<tbody>"]
    for r in sorted(rows, key=lambda r: [-c for c in r["counts"]] + [r["name"]]):
        parts.append(f'<tr><td><a href="#repo-{e(r["name"])}">{e(r["name"])}</a></td>' +
                     "".join(f'<td class="n">{c}</td>' for c in r["counts"]) +
                     f'<td class="n">{r["rotate"]}</td><td class="n">{r["secrets"]}</td><td class="n">{r["files"]}</td>'
                     f'<td class="n">{r["incomplete"] or ""}</td></tr>')
    parts += ["</tbody>", "</table>", "<h2>Rules</h2>", "<table>",
              "<thead><tr><th>rule</th><th>worst severity</th><th>findings</th><th>repositories</th></tr></thead>", "<tbody>"]
    for rule, t in rule_totals(repos):
        parts.append(f'<tr><td><code>{e(rule)}</code></td><td><span class="sev {e(t["severity"])}">{e(t["severity"])}</span></td>'
                     f'<td class="n">{t["findings"]}</td><td>{e(", ".join(sorted(t["repos"])))}</td></tr>')
    parts += ["</tbody>", "</table>", "<h2>Findings by repository</h2>"]
    for name, report in repos:
        findings = worst_first(report.get("findings", []))
        parts.append(f'<h3 id="repo-{e(name)}">{e(name)}</h3>')
        if not findings:
            parts.append("<p>No findings.</p>")
            continue
        parts += ["<table>", "<thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr></thead>", "<tbody>"]
        for f in findings[:LISTED_PER_REPO]:
            sev = f.get("severity", "")
            parts.append(f'<tr><td><span class="sev {e(sev)}">{e(sev)}</span></td><td><code>{e(f.get("rule", ""))}</code></td>'
                         f'<td><code>{e(where(f))}</code></td><td>{e(f.get("message", ""))}</td></tr>')
        parts += ["</tbody>", "</table>"]
        if len(findings) > LISTED_PER_REPO:
            parts.append(f"<p>... and {len(findings) - LISTED_PER_REPO} more (see the repository's JSON report).</p>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Merge handoff JSON reports into one organisation review.")
    parser.add_argument("--title", default="Organisation review")
    parser.add_argument("--markdown", help="write the Markdown review here (default: stdout)")
    parser.add_argument("--html", help="also write a self-contained HTML review here")
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    repos = load(args.reports)
    text = markdown(args.title, repos)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if args.html:
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(page(args.title, repos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
