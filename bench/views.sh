#!/usr/bin/env bash
# bench/views.sh: how fast the gateway composes its views from the three services, against the running local stack
# (bin/dev up -d), beside the services' own answers measured in the same run on the same machine:
#   - loads the data straight into the three databases with SQL (the benchmark measures reads): the 100,000 activities
#     over 245 ESAs of bench/activities.sh (bench/sql/activities-load.sql, into events; reused when loaded), the same
#     245 ESAs with their schools and quality-school designations (bench/sql/views-schools.sql, into schools) and a
#     fiscal year's allocation rounds and lines for each (bench/sql/views-budget.sql, into budget); then VACUUM ANALYZE;
#   - wrk GETs, at each client count: (a) one ESA's report through the gateway (8080), which calls each service once
#     in parallel; (b) each of those three calls alone, straight to its service (schools 8081, events 8082, budget
#     8083), with the same tokens at the same client count; (c) the national overview through the gateway (every ESA,
#     one call per service); (d) each of its three all-ESA calls alone. p50, p99, requests/s of each; for each view the
#     slowest of its calls (the highest p99, and the highest p50) and the ratio of the view's p99 to the highest p99
#     of its calls (and of its p50 to the highest p50): what composing adds over waiting for the slowest service (the
#     goal: within 2x);
#   - counts the views' sections that were not OK during each timed run (the gateway's tambon.gateway.view.sections
#     counter: a service that did not answer within GATEWAY_VIEW_<SERVICE>_TIMEOUT, 3 s by default, leaves its section
#     STALE or UNAVAILABLE while the view still answers 200).
# Prints a markdown report (see docs/benchmarks.md). Needs wrk, psql, curl and python3 (bench/install-tools).
#
# Every request carries one of --tokens VIEWER tokens in turn (subjects bench-views-1...): the gateway limits each
# caller to 100 requests/s (GATEWAY_RATE_LIMIT_PER_SECOND) and would answer the benchmark 429; every request still
# passes the limiter. The services are called with the same tokens.
#
# Usage: bench/views.sh [--duration SECONDS] [--warmup SECONDS] [--clients "1 4"] [--activities 100000]
#                       [--schools 120] [--esa P10-81] [--fiscal-year 2565] [--tokens 40] [--label TEXT]
#        --schools is per ESA (at most 999); --activities as bench/activities.sh's (a run with another number replaces
#        them). bin/dev reset --force removes what it loaded.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
WARMUP=10
CLIENTS="1 4"
ACTIVITIES=100000
SCHOOLS_PER_ESA=120
ESA=P10-81
FISCAL_YEAR=2565
TOKENS=40
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
GATEWAY=http://127.0.0.1:8080
declare -A SERVICE=([schools]=http://127.0.0.1:8081 [events]=http://127.0.0.1:8082 [budget]=http://127.0.0.1:8083)

while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --activities) ACTIVITIES=$2; shift 2 ;;
    --schools) SCHOOLS_PER_ESA=$2; shift 2 ;;
    --esa) ESA=$2; shift 2 ;;
    --fiscal-year) FISCAL_YEAR=$2; shift 2 ;;
    --tokens) TOKENS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    *) echo "usage: bench/views.sh [--duration S] [--warmup S] [--clients \"1 4\"] [--activities N] [--schools N] [--esa CODE] [--fiscal-year BE] [--tokens N] [--label TEXT]" >&2
       exit 2 ;;
  esac
done

die() { echo "bench: $*" >&2; exit 1; }
[[ $ACTIVITIES =~ ^[0-9]+$ ]] && ((ACTIVITIES > 0)) || die "--activities must be a number above 0"
[[ $SCHOOLS_PER_ESA =~ ^[0-9]+$ ]] && ((SCHOOLS_PER_ESA > 0 && SCHOOLS_PER_ESA <= 999)) ||
  die "--schools (per ESA) must be a number from 1 to 999"
[[ $TOKENS =~ ^[0-9]+$ ]] && ((TOKENS > 0)) || die "--tokens must be a number above 0"
[[ $FISCAL_YEAR =~ ^25(6[3-7])$ ]] || die "--fiscal-year must be one of the loaded years, 2563 to 2567"
[[ $ESA =~ ^P[0-9]{2}-8[1-4]$ ]] || die "--esa must be one of the benchmark's ESAs (P10-81, P11-81...)"
for tool in wrk psql curl python3; do command -v "$tool" >/dev/null || die "$tool is needed (bench/install-tools installs it)"; done
sql() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }
for db in schools events budget; do
  sql "$db" -c "SELECT 1" >/dev/null 2>&1 || die "no database $db on $PGHOST:$PGPORT: start the stack with bin/dev up -d"
done
for url in "$GATEWAY" "${SERVICE[@]}"; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health/readiness") == 200 ]] ||
    die "nothing ready on $url: start the stack with bin/dev up -d"
done

# --- load -------------------------------------------------------------------------------------------------------------
# the activities, as bench/activities.sh loads them (the same rows: a run of either with the same number loads nothing)
BENCH_ROWS="ref LIKE 'bench-%' AND esa ~ '^P[0-9]{2}-8[1-4]\$'"
loaded=$(sql events -c "SELECT count(*) FROM activity WHERE $BENCH_ROWS")
if ((loaded == ACTIVITIES)); then
  echo "bench: $loaded benchmark activities are loaded already" >&2
else
  echo "bench: loading $ACTIVITIES activities over 245 ESAs into events (replacing $loaded)..." >&2
  started=$SECONDS
  sql events -v n="$ACTIVITIES" -f "$BENCH/sql/activities-load.sql" >/dev/null
  tables="activity, activity_participation, certificate, certificate_counter, work, work_forwarding, schools_replica.esa"
  ((loaded == 0)) || sql events -c "VACUUM (FULL) $tables"
  sql events -c "VACUUM (ANALYZE) $tables"
  echo "bench: loaded in $((SECONDS - started)) s (with VACUUM ANALYZE)" >&2
fi
BENCH_ESAS="esa ~ '^P[0-9]{2}-8[1-4]\$'"
loaded=$(sql schools -c "SELECT count(*) FROM school WHERE $BENCH_ESAS")
if ((loaded == 245 * SCHOOLS_PER_ESA)); then
  echo "bench: $loaded benchmark schools are registered already" >&2
else
  echo "bench: registering 245 ESAs with $SCHOOLS_PER_ESA schools each in schools (replacing $loaded schools)..." >&2
  started=$SECONDS
  sql schools -v schools="$SCHOOLS_PER_ESA" -f "$BENCH/sql/views-schools.sql" >/dev/null
  sql schools -c "VACUUM (ANALYZE) esa, school, designation, designation_step"
  echo "bench: registered in $((SECONDS - started)) s (with VACUUM ANALYZE)" >&2
fi
budgeted=$(sql budget -c "SELECT count(DISTINCT esa) FROM allocation_round WHERE fiscal_year = $FISCAL_YEAR AND $BENCH_ESAS")
if ((budgeted < 245)); then
  echo "bench: writing fiscal year $FISCAL_YEAR's rounds and lines for $((245 - budgeted)) ESAs into budget..." >&2
  sql budget -v year="$FISCAL_YEAR" -f "$BENCH/sql/views-budget.sql" >/dev/null
  sql budget -c "VACUUM (ANALYZE) fiscal_year, allocation_round, allocation_line, ledger_entry"
fi

TOKEN_LIST=()
for i in $(seq 1 "$TOKENS"); do
  TOKEN_LIST+=("$("$ROOT/bin/dev" token --role VIEWER --ttl 1h --sub "bench-views-$i")")
done
TOKEN=${TOKEN_LIST[0]}

# --- what is asked ----------------------------------------------------------------------------------------------------
FROM="$((FISCAL_YEAR - 544))-10-01"
TO="$((FISCAL_YEAR - 543))-09-30"
# (a)-(d): the gateway's two views and the calls they make, as ComposingEsaReports and ComposingOverviews make them
declare -A URL=(
  [report]="$GATEWAY/api/v1/esas/$ESA/report?fiscalYear=$FISCAL_YEAR"
  [report.schools]="${SERVICE[schools]}/api/v1/quality-schools/counts?fiscalYear=$FISCAL_YEAR&esa=$ESA"
  [report.events]="${SERVICE[events]}/api/v1/activities/summary?fiscalYear=$FISCAL_YEAR&esa=$ESA"
  [report.budget]="${SERVICE[budget]}/api/v1/fiscal-years/$FISCAL_YEAR/esas/$ESA"
  [overview]="$GATEWAY/api/v1/overview?fiscalYear=$FISCAL_YEAR"
  [overview.schools]="${SERVICE[schools]}/api/v1/quality-schools/counts?fiscalYear=$FISCAL_YEAR"
  [overview.events]="${SERVICE[events]}/api/v1/activities/summary?fiscalYear=$FISCAL_YEAR"
  [overview.budget]="${SERVICE[budget]}/api/v1/fiscal-years/$FISCAL_YEAR"
)
declare -A TITLE=(
  [report]="$ESA's report of fiscal year $FISCAL_YEAR"
  [overview]="the national overview of fiscal year $FISCAL_YEAR"
)
SOURCES=(schools events budget)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
get() { curl -s -f -H "Authorization: Bearer $TOKEN" "${URL[$1]}" >"$work/$1.json" || die "GET ${URL[$1]} failed"; }

# what the views answer must be what the databases hold
read -r schools quality held allocated < <(sql schools -F ' ' -c "SELECT
  (SELECT count(*) FROM school WHERE esa = '$ESA'),
  (SELECT count(*) FROM designation WHERE esa = '$ESA' AND active_from <= '$TO' AND (withdrawn_on IS NULL OR withdrawn_on > '$TO'))" |
  tr '\n' ' '; sql events -c "SELECT count(*) FROM activity WHERE esa = '$ESA' AND starts_on BETWEEN '$FROM' AND '$TO'
  AND state IN ('HELD', 'REPORTED', 'CLOSED')" | tr '\n' ' '; sql budget -c "SELECT sum(amount + transferred) FROM allocation_line
  WHERE esa = '$ESA' AND fiscal_year = $FISCAL_YEAR")
read -r all_schools all_quality all_allocated < <(sql schools -F ' ' -c "SELECT
  (SELECT count(*) FROM school),
  (SELECT count(*) FROM designation WHERE active_from <= '$TO' AND (withdrawn_on IS NULL OR withdrawn_on > '$TO'))" |
  tr '\n' ' '; sql budget -c "SELECT sum(amount + transferred) FROM allocation_line WHERE fiscal_year = $FISCAL_YEAR")
esas=$(sql schools -c "SELECT count(*) FROM esa")
get report
python3 - "$work/report.json" "$schools" "$quality" "$held" "$allocated" <<'PY' || die "the report's answer does not match the databases"
import json, sys
from decimal import Decimal
r = json.load(open(sys.argv[1]))
want = {"schools": int(sys.argv[2]), "qualitySchools": int(sys.argv[3]), "activitiesHeld": int(sys.argv[4])}
got = {k: r[k] for k in want}
assert r["sections"] == {"schools": "OK", "events": "OK", "budget": "OK"}, f"sections {r['sections']}"
assert got == want, f"the report says {got}, the databases {want}"
assert Decimal(r["allocated"]) == Decimal(sys.argv[5]), f"allocated {r['allocated']}, the lines {sys.argv[5]}"
PY
get overview
python3 - "$work/overview.json" "$esas" "$all_schools" "$all_quality" "$all_allocated" <<'PY' || die "the overview's answer does not match the databases"
import json, sys
from decimal import Decimal
o = json.load(open(sys.argv[1]))
t = o["totals"]
assert o["sections"] == {"schools": "OK", "events": "OK", "budget": "OK"}, f"sections {o['sections']}"
assert o["totalItems"] == int(sys.argv[2]), f"{o['totalItems']} rows for {sys.argv[2]} registered ESAs"
want = {"schools": int(sys.argv[3]), "qualitySchools": int(sys.argv[4])}
got = {k: t[k] for k in want}
assert got == want, f"the overview's totals say {got}, the databases {want}"
assert Decimal(t["allocated"]) == Decimal(sys.argv[5]), f"allocated {t['allocated']}, the lines {sys.argv[5]}"
PY
for call in report.schools report.events report.budget overview.schools overview.events overview.budget; do get "$call"; done
read -r in_year activities < <(sql events -F ' ' -c "SELECT
  (SELECT count(*) FROM activity WHERE starts_on BETWEEN '$FROM' AND '$TO'), (SELECT count(*) FROM activity)")
lines=$(sql budget -c "SELECT count(*) FROM allocation_line WHERE fiscal_year = $FISCAL_YEAR")
designations=$(sql schools -c "SELECT count(*) FROM designation")

# --- runs -------------------------------------------------------------------------------------------------------------
wrk_ms() { awk -v p="$1" '$1 == "percentile" && $2 == p { printf "%.2f", $3 / 1000 }' <<<"$2"; }
# the gateway's view sections by source and status so far (its Prometheus counter)
sections() {
  curl -s "$GATEWAY/prometheus" | awk '/^tambon_gateway_view_sections_total\{/ {
    match($0, /source="[^"]*"/); s = substr($0, RSTART + 8, RLENGTH - 9)
    match($0, /status="[^"]*"/); t = substr($0, RSTART + 8, RLENGTH - 9)
    print s "." t, $NF }' | sort
}
# the sections not OK between two of those: "none", or "events STALE 3, ..."
not_ok() {
  join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$1") <(echo "$2") | awk '
    $1 !~ /\.OK$/ && $3 - $2 > 0 { sub(/\./, " ", $1); out = out (out ? ", " : "") $1 " " ($3 - $2) }
    END { print out ? out : "none" }'
}
declare -A P50 P99 RPS NOT_OK
# run KEY CLIENTS: wrk's warm-up, then the timed run; P50, P99 (ms) and RPS of it
run() {
  local key=$1 c=$2 out before after
  wrk -t"$c" -c"$c" -d"${WARMUP}s" -s "$BENCH/wrk/tokens.lua" "${URL[$key]}" -- "${TOKEN_LIST[@]}" >/dev/null
  before=$(sections)
  out=$(wrk -t"$c" -c"$c" -d"${DURATION}s" -s "$BENCH/wrk/tokens.lua" "${URL[$key]}" -- "${TOKEN_LIST[@]}")
  after=$(sections)
  ! grep -q 'Non-2xx\|Socket errors' <<<"$out" || die "errors during the run of $key at $c client(s): $out"
  RPS[$key.$c]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  P50[$key.$c]=$(wrk_ms 50 "$out")
  P99[$key.$c]=$(wrk_ms 99 "$out")
  NOT_OK[$key.$c]=$(not_ok "$before" "$after")
  echo "$key at $c client(s): p50 ${P50[$key.$c]} ms, p99 ${P99[$key.$c]} ms, ${RPS[$key.$c]}/s" \
    "(sections not OK: ${NOT_OK[$key.$c]})" >&2
}

report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores (load average $(cut -d' ' -f1 /proc/loadavg) at the start) · $esas ESAs, $all_schools schools, $designations designations ($all_quality active on $TO), $activities activities ($in_year in fiscal year $FISCAL_YEAR), $lines allocation lines in $FISCAL_YEAR · ${DURATION}s per run")
report+=("")
report+=("Each view through the gateway (8080), then each call it makes alone, straight to its service with the same tokens at the same client count. Slowest call: the one with the highest p99 / the highest p50 (they may differ: p99 moves most on a busy machine); p99 ratio = the view's p99 ÷ the highest p99 of its calls, p50 ratio = its p50 ÷ the highest p50.")
report+=("")
report+=("| view | clients | gateway p50 / p99 ms | gateway req/s | sections not OK | schools p50 / p99 ms (req/s) | events p50 / p99 ms (req/s) | budget p50 / p99 ms (req/s) | slowest call (p99 / p50) | p99 ratio | p50 ratio |")
report+=("|---|---|---|---|---|---|---|---|---|---|---|")
for view in report overview; do
  for c in $CLIENTS; do
    run "$view" "$c"
    slowest99='' slowest50='' row="| ${TITLE[$view]} | $c | ${P50[$view.$c]} / ${P99[$view.$c]} | ${RPS[$view.$c]} | ${NOT_OK[$view.$c]}"
    for source in "${SOURCES[@]}"; do
      key=$view.$source
      run "$key" "$c"
      row+=" | ${P50[$key.$c]} / ${P99[$key.$c]} (${RPS[$key.$c]})"
      if [[ -z $slowest99 ]] || awk -v a="${P99[$key.$c]}" -v b="${P99[$view.$slowest99.$c]}" 'BEGIN { exit !(a > b) }'; then
        slowest99=$source
      fi
      if [[ -z $slowest50 ]] || awk -v a="${P50[$key.$c]}" -v b="${P50[$view.$slowest50.$c]}" 'BEGIN { exit !(a > b) }'; then
        slowest50=$source
      fi
    done
    ratio99=$(awk -v a="${P99[$view.$c]}" -v b="${P99[$view.$slowest99.$c]}" 'BEGIN { printf "%.2f", a / b }')
    ratio50=$(awk -v a="${P50[$view.$c]}" -v b="${P50[$view.$slowest50.$c]}" 'BEGIN { printf "%.2f", a / b }')
    report+=("$row | $slowest99 / $slowest50 | $ratio99 | $ratio50 |")
  done
done

printf '%s\n' "${report[@]}"
echo
echo "Calls: ${URL[report]} → ${URL[report.schools]}, ${URL[report.events]}, ${URL[report.budget]}; ${URL[overview]} → ${URL[overview.schools]}, ${URL[overview.events]}, ${URL[overview.budget]}. Answer sizes (bytes):" \
  "$(for key in report report.schools report.events report.budget overview overview.schools overview.events overview.budget; do
    printf '%s %s; ' "$key" "$(wc -c <"$work/$key.json")"; done | sed 's/; $//')."
