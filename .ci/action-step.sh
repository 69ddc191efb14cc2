#!/usr/bin/env bash
# Prints the script of one `run: |` step of a composite action (found by its id), de-indented, so CI can
# run the action's own script outside GitHub. Usage: .ci/action-step.sh action.yml STEP_ID
set -euo pipefail
action="${1:?usage: action-step.sh ACTION_YML STEP_ID}"; id="${2:?step id}"
awk -v id="$id" '
  $0 ~ "^      id: " id "$" { step = 1; next }
  step && /^    - / { step = 0 }
  step && /^      run: \|/ { body = 1; next }
  body && /^        / { print substr($0, 9); next }
  body && /^[[:space:]]*$/ { print ""; next }
  body { exit }
' "$action"
