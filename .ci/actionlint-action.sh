#!/usr/bin/env bash
# actionlint checks workflows, not action metadata. This wraps a composite action's inputs and steps in a
# workflow_dispatch workflow with the same inputs, so its expressions and scripts are linted like a
# workflow's, then runs ../shared/tools/actionlint.sh on it. Usage: .ci/actionlint-action.sh action.yml
# (tests/StrategyLint.Tests/Cli/ActionMetadataTests.cs checks the metadata itself: inputs, outputs, shells).
set -euo pipefail
action="${1:?usage: actionlint-action.sh ACTION_YML}"
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
wrapped="$scratch/action-as-workflow.yml"
{
  echo "name: action-as-workflow"
  echo "on:"
  echo "  workflow_dispatch:"
  awk '/^inputs:/ { f = 1; print "    inputs:"; next } /^[^ #]/ { f = 0 } f { print "    " $0 }' "$action"
  echo "permissions:"
  echo "  contents: read"
  echo "jobs:"
  echo "  action:"
  echo "    runs-on: ubuntu-latest"
  echo "    steps:"
  awk '/^runs:/ { r = 1; next } /^[^ #]/ { r = 0 } r && /^  steps:/ { f = 1; next } r && f { print "  " $0 }' "$action"
} > "$wrapped"
bash "$here/../shared/tools/actionlint.sh" "$wrapped"
