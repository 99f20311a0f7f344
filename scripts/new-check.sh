#!/usr/bin/env bash
# Scaffolds a new check: checks/<id_with_underscores>.cpp (a SingleRuleCheck with its
# RuleInfo), docs/rules/<id>.md (with the header the docs test compares with the
# registry), a fixture pair fixtures/<dir>/<id>.txt + .expected, and the make_<id>()
# factory in checks/registry.hpp and checks/registry.cpp, each in sorted position.
#
#   scripts/new-check.sh [--dry-run] [--root DIR] ID FAMILY [FIXTURE_DIR]
#
# FAMILY: embedded-token | open-webhook | unsafe-permission | missing-secret-ref.
# FIXTURE_DIR: the folder under fixtures/ (by format: n8n, mcp, github-actions, ...);
# default: misc. --dry-run prints the files it would write and changes nothing;
# --root works on another copy of the repository (the tests use it).
# Then: write the check, replace the fixture with an input that fires it, run
# HANDOFF_UPDATE_FIXTURES=1 build/dev/handoff_tests -ts=fixtures, fill in the doc page.
set -euo pipefail

dry_run=0
root="$(cd "$(dirname "$0")/.." && pwd)"
while [[ $# -gt 0 && $1 == --* ]]; do
    case "$1" in
    --dry-run) dry_run=1; shift ;;
    --root) root="$2"; shift 2 ;;
    *) echo "new-check: unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 [--dry-run] [--root DIR] ID FAMILY [FIXTURE_DIR]" >&2
    exit 2
fi
id="$1"
family="$2"
fixture_dir="${3:-misc}"
if [[ ! $id =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]]; then
    echo "new-check: '$id' is not a kebab-case rule id" >&2
    exit 2
fi
case "$family" in
embedded-token | open-webhook | unsafe-permission | missing-secret-ref) ;;
*) echo "new-check: unknown family '$family' (embedded-token, open-webhook, unsafe-permission, missing-secret-ref)" >&2; exit 2 ;;
esac
name="${id//-/_}"
class_name=$(echo "$id" | sed -E 's/(^|-)([a-z0-9])/\U\2/g')  # ci-container-password -> CiContainerPassword
[[ $class_name =~ ^[0-9] ]] && class_name="Check$class_name"  # a C++ name cannot start with a digit
family_enum="${family//-/_}"
check="checks/$name.cpp"
doc="docs/rules/$id.md"
fixture="fixtures/$fixture_dir/$id.txt"
for f in "$check" "$doc" "$fixture"; do
    if [[ -e $root/$f ]]; then
        echo "new-check: $f already exists" >&2
        exit 2
    fi
done
if grep -q "make_$name()" "$root/checks/registry.hpp"; then
    echo "new-check: make_$name() is already registered" >&2
    exit 2
fi

if [[ $dry_run == 1 ]]; then
    printf 'write %s\n' "$check" "$doc" "$fixture" "$fixture.expected"
    printf 'edit %s: add make_%s()\n' checks/registry.hpp "$name" checks/registry.cpp "$name"
    exit 0
fi

mkdir -p "$root/checks" "$root/docs/rules" "$root/$(dirname "$fixture")"
cat >"$root/$check" <<CPP
// $id: TODO one line on what this check reports and why.
#include "checks/registry.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "$id",
    "TODO plain-language title",
    Family::$family_enum,
    Severity::medium,
    Confidence::medium,
    "TODO why it matters, one or two sentences.",
    "TODO what to do.",
};

class $class_name final : public SingleRuleCheck {
public:
    $class_name() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        // Read doc.facts (cross-format) or doc.model_as<T>() (one platform's model);
        // never a parser header or a format id. Report with sink.report(doc, kRule, hit).
        (void)doc;
        (void)sink;
    }
};

} // namespace

std::unique_ptr<Check> make_$name() { return std::make_unique<$class_name>(); }

} // namespace handoff
CPP

cat >"$root/$doc" <<MD
# $id: TODO plain-language title
Family: $family · Default severity: medium · Confidence: medium

## Why it matters
TODO

## What to do
- TODO
MD

printf '%s\n' "TODO: replace with an input that fires $id (and rename it to its format's extension)." >"$root/$fixture"
: >"$root/$fixture.expected"

# The factory, in sorted position among the make_*() lines of each registry file.
insert_sorted() {
    local file="$1" line="$2" pattern="$3"
    awk -v line="$line" -v pattern="$pattern" -v key="make_$name(" '
        !done && $0 ~ pattern { seen = 1; split($0, a, "make_"); if ("make_" a[2] > key) { print line; done = 1 } }
        !done && seen && $0 !~ pattern { print line; done = 1 }
        { print }
        END { if (!done) exit 1 }' "$file" >"$file.new"
    mv "$file.new" "$file"
}
insert_sorted "$root/checks/registry.hpp" "std::unique_ptr<Check> make_$name();" '^std::unique_ptr<Check> make_'
insert_sorted "$root/checks/registry.cpp" "        list.push_back(make_$name());" '^        list\.push_back\(make_'

printf 'wrote %s\n' "$check" "$doc" "$fixture" "$fixture.expected"
printf 'added make_%s() to checks/registry.hpp and checks/registry.cpp\n' "$name"
