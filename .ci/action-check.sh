#!/usr/bin/env bash
# The check step of action.yml, in a file so that a test runs it exactly as the action does.
# Inputs arrive as FAZHI_* variables; outputs go to $GITHUB_OUTPUT; the exit code is fazhi's.
set -uo pipefail

fazhi="${GITHUB_ACTION_PATH:?}/bin/fazhi.js"
json="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/fazhi-action-$$.json"
sarif="${FAZHI_SARIF:-fazhi.sarif}"
html="${FAZHI_HTML:-fazhi.html}"

read -r -a paths <<< "${FAZHI_PATHS:-reports/}"
# Every file-bound format names its file right after it; the annotations go to the log, last.
args=(check "${paths[@]}" -f sarif -o "$sarif" -f html -o "$html" -f json -o "$json")
IFS=',' read -r -a extra <<< "${FAZHI_FORMATS:-}"
for format in "${extra[@]}"; do
  format="${format// /}"
  case "$format" in
    '') continue ;;
    junit) ext=xml ;;
    markdown) ext=md ;;
    *) ext="$format" ;;
  esac
  args+=(-f "$format" -o "fazhi.$ext")
done
if [ -n "${FAZHI_MIN_SCORE:-}" ]; then args+=(--min-score "$FAZHI_MIN_SCORE"); fi
if [ -n "${FAZHI_FAIL_ON:-}" ]; then args+=(--fail-on "$FAZHI_FAIL_ON"); fi
if [ -n "${FAZHI_CONFIG:-}" ]; then args+=(--config "$FAZHI_CONFIG"); fi
args+=(-f github)

node "$fazhi" "${args[@]}"
code=$?

score=""
if [ -s "$json" ]; then
  score=$(node -e 'const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
const s = r.reports.map((x) => x.score.total);
process.stdout.write(s.length ? String(Math.min(...s)) : "");' "$json")
  rm -f "$json"
fi
{
  echo "sarif=$sarif"
  echo "html=$html"
  echo "score=$score"
  echo "exit-code=$code"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$code"
