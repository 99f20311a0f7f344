#!/usr/bin/env bash
# Builds the dev preset (warnings as errors) and runs the whole test suite.
# Tests whose optional tool (Chromium, report validators) is missing say SKIPPED.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev
