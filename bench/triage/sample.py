#!/usr/bin/env python3
"""Draw the judged sample of issue 14 from a handoff scan of the real-world corpus.

usage: bench/triage/sample.py [HANDOFF_BINARY] [--seed N] [--report FILE] [--out FILE]
                              [--only DIR] [--skip-judged FILE]

--only github draws from realworld/github only (the CI sample of issue 15, seed 15);
--skip-judged leaves out findings already in a judgments file, to extend a sample.

Runs `handoff scan ../shared/corpus/realworld --format json` (or reads --report), then
draws a seeded sample weighted toward high and critical:
  critical: all, high: all, medium: up to 5 per rule, low: up to 2 per rule, info: up to 2 per rule,
with at most 8 per rule overall (filled critical first), at most 2 per rule in one file, and one row per (rule, fingerprint).
Writes a TSV skeleton (fingerprint rule severity path line verdict why) with empty verdicts.
"""
import argparse, collections, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEVERITIES = ["critical", "high", "medium", "low", "info"]
QUOTA = {"critical": 10**6, "high": 10**6, "medium": 5, "low": 2, "info": 2}
PER_RULE_CAP = 8
PER_FILE_CAP = 2  # per rule and file, so one noisy file does not fill a rule's share
DEFAULT_SEED = 14


def shared_dir():
    """../shared next to the repository; a git worktree looks next to its main checkout."""
    cand = os.path.join(ROOT, "..", "shared")
    if os.path.isdir(cand):
        return os.path.normpath(cand)
    try:
        common = subprocess.run(["git", "-C", ROOT, "rev-parse", "--path-format=absolute", "--git-common-dir"],
                                capture_output=True, text=True, check=True).stdout.strip()
        cand = os.path.join(os.path.dirname(common), "..", "shared")
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    except (OSError, subprocess.CalledProcessError):
        pass
    sys.exit("sample.py: cannot find ../shared next to the repository")


def find_binary(arg):
    for b in [arg, os.environ.get("HANDOFF"), os.path.join(ROOT, "build/release/handoff"),
              os.path.join(ROOT, "build/dev/handoff")]:
        if b and os.access(b, os.X_OK):
            return b
    sys.exit("sample.py: build handoff first (cmake --preset release && cmake --build --preset release) or pass the binary")


def scan(binary, corpus):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        r = subprocess.run([binary, "scan", corpus, "--format", "json", "-o", out, "--fail-on", "none"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0 or not os.path.exists(out):
            sys.exit(f"sample.py: scan failed (exit {r.returncode})")
        return json.load(open(out))


def draw(findings, seed):
    rng = random.Random(seed)
    seen, groups = set(), collections.defaultdict(list)
    for f in findings:
        key = (f["rule"], f["fingerprint"])
        if key in seen:
            continue
        seen.add(key)
        groups[(f["severity"], f["rule"])].append(f)
    per_rule, per_file = collections.Counter(), collections.Counter()
    picked = []
    for sev in SEVERITIES:
        for rule in sorted(r for s, r in groups if s == sev):
            pool = sorted(groups[(sev, rule)], key=lambda f: (f["location"]["path"], f["location"]["line"], f["fingerprint"]))
            rng.shuffle(pool)
            room = min(QUOTA[sev], PER_RULE_CAP - per_rule[rule])
            for f in pool:
                if room <= 0:
                    break
                if per_file[(rule, f["location"]["path"])] >= PER_FILE_CAP:
                    continue
                picked.append(f)
                per_rule[rule] += 1
                per_file[(rule, f["location"]["path"])] += 1
                room -= 1
    return picked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--report", help="use this JSON report instead of scanning")
    ap.add_argument("--out", default="-")
    ap.add_argument("--only", help="a folder of the corpus: github, n8n or mcp")
    ap.add_argument("--skip-judged", help="a judgments TSV whose (rule, fingerprint) rows are left out")
    a = ap.parse_args()
    corpus = os.path.join(shared_dir(), "corpus", "realworld")
    report = json.load(open(a.report)) if a.report else scan(find_binary(a.binary), corpus)
    findings = report["findings"]
    if a.only:
        findings = [f for f in findings if f["location"]["path"].startswith(a.only + "/")]
    if a.skip_judged:
        with open(a.skip_judged) as fh:
            done = {tuple(line.split("\t")[1::-1][:2]) for line in fh.read().splitlines()[1:]}
        findings = [f for f in findings if (f["rule"], f["fingerprint"]) not in done]
    picked = draw(findings, a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w")
    out.write("fingerprint\trule\tseverity\tpath\tline\tverdict\twhy\n")
    for f in sorted(picked, key=lambda f: (SEVERITIES.index(f["severity"]), f["rule"], f["location"]["path"], f["location"]["line"])):
        out.write(f'{f["fingerprint"]}\t{f["rule"]}\t{f["severity"]}\t{f["location"]["path"]}\t{f["location"]["line"]}\t\t\n')
    c = collections.Counter(f["severity"] for f in picked)
    print(f"sample.py: seed {a.seed}, {len(picked)} findings drawn from {len(report['findings'])}: "
          + ", ".join(f"{s} {c[s]}" for s in SEVERITIES), file=sys.stderr)


if __name__ == "__main__":
    main()
