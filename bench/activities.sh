#!/usr/bin/env bash
# bench/activities.sh: how fast events-service answers an ESA's list of activities and the all-ESAs summary of a fiscal
# year with 100,000 activities over 245 ESAs, against the running local stack (bin/dev up -d), beside its baseline
# measured in the same run on the same machine:
#   - loads the activities straight into the events database with SQL (bench/sql/activities-load.sql: the benchmark
#     measures reads; a second run with the same number loads nothing, another number replaces them), then VACUUM
#     ANALYZE;
#   - wrk GETs each page from events-service (8082, with a VIEWER token) at each client count: p50, p99, requests/s;
#   - pgbench runs the statements the service runs for that page, in its read-only transaction, against the same
#     database at the same client count: p50, p99 (from its per-transaction log), transactions/s; twice: (a) with the
#     filters the service leaves out NULL in place, (b) with them bound as parameters that are NULL, as the service
#     binds them, so that PostgreSQL plans them as it plans the service's (bench/README.md).
# Two pages: one ESA's activities of a fiscal year, latest first, 50 a page (the page's rows, the total count), and
# every ESA's summary of that fiscal year (three grouped statements and the list of ESAs). Also prints the query plans
# as the service's prepared statements get them (EXPLAIN ANALYZE, BUFFERS, with the planner's estimates). Prints a
# markdown report (see docs/benchmarks.md). Needs wrk, pgbench, psql, curl and python3 (Debian: wrk, postgresql-client).
#
# Usage: bench/activities.sh [--duration SECONDS] [--warmup SECONDS] [--clients "1 4"] [--activities 100000]
#                            [--esa P10-81] [--fiscal-year 2565] [--label TEXT]
#        bench/activities.sh --activities 0    removes what it loaded (bin/dev reset --force removes everything)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
WARMUP=10
CLIENTS="1 4"
ACTIVITIES=100000
ESA=P10-81
FISCAL_YEAR=2565
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
# events-service sets no session options on its connections (schools-service sets random_page_cost): the server's
PGOPTIONS=${PGOPTIONS:-}
export PGHOST PGPORT PGUSER PGOPTIONS
DATABASE=events
EVENTS=http://127.0.0.1:8082

while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --activities) ACTIVITIES=$2; shift 2 ;;
    --esa) ESA=$2; shift 2 ;;
    --fiscal-year) FISCAL_YEAR=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    *) echo "usage: bench/activities.sh [--duration S] [--warmup S] [--clients \"1 4\"] [--activities N] [--esa CODE] [--fiscal-year BE] [--label TEXT]" >&2
       exit 2 ;;
  esac
done

die() { echo "bench: $*" >&2; exit 1; }
[[ $ACTIVITIES =~ ^[0-9]+$ ]] || die "--activities must be a number"
[[ $FISCAL_YEAR =~ ^25(6[3-7])$ ]] || die "--fiscal-year must be one of the loaded years, 2563 to 2567"
for tool in wrk pgbench psql curl python3; do command -v "$tool" >/dev/null || die "$tool is needed (bench/install-tools installs it)"; done
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DATABASE" "$@"; }
sql -c "SELECT 1 FROM activity LIMIT 0" 2>/dev/null ||
  die "no activity table in database $DATABASE on $PGHOST:$PGPORT: start the stack with bin/dev up -d"

# --- load -------------------------------------------------------------------------------------------------------------
BENCH_ROWS="ref LIKE 'bench-%' AND esa ~ '^P[0-9]{2}-8[1-4]\$'"
loaded=$(sql -c "SELECT count(*) FROM activity WHERE $BENCH_ROWS")
if ((ACTIVITIES == 0)); then
  sql -v n=0 -f "$BENCH/sql/activities-load.sql" >/dev/null
  echo "bench: removed $loaded benchmark activities and what belonged to them" >&2
  exit 0
fi
if ((loaded == ACTIVITIES)); then
  echo "bench: $loaded benchmark activities are loaded already" >&2
else
  echo "bench: loading $ACTIVITIES activities over 245 ESAs (replacing $loaded)..." >&2
  started=$SECONDS
  sql -v n="$ACTIVITIES" -f "$BENCH/sql/activities-load.sql" >/dev/null
  tables="activity, activity_participation, certificate, certificate_counter, work, work_forwarding, schools_replica.esa"
  # the rows it replaced leave the tables that much larger (and the new rows behind them) until rewritten
  ((loaded == 0)) || sql -c "VACUUM (FULL) $tables"
  sql -c "VACUUM (ANALYZE) $tables"
  echo "bench: loaded in $((SECONDS - started)) s (with VACUUM ANALYZE)" >&2
fi
[[ $(curl -s -o /dev/null -w '%{http_code}' "$EVENTS/health/readiness") == 200 ]] ||
  die "events-service is not ready on $EVENTS: start the stack with bin/dev up -d"
TOKEN=${TAMBON_TOKEN:-$("$ROOT/bin/dev" token --role VIEWER --ttl 1h)}

# the fiscal year's days (FiscalYear: October to September, BE = CE + 543)
FROM="$((FISCAL_YEAR - 544))-10-01"
TO="$((FISCAL_YEAR - 543))-09-30"
in_esa=$(sql -c "SELECT count(*) FROM activity WHERE esa = '$ESA' AND starts_on BETWEEN '$FROM' AND '$TO'")
((in_esa > 0)) || die "$ESA has no activity in fiscal year $FISCAL_YEAR (the benchmark's ESAs are P10-81, P11-81...)"
read -r total participations certificates works in_year esas < <(sql -F ' ' -c "SELECT
  (SELECT count(*) FROM activity), (SELECT count(*) FROM activity_participation), (SELECT count(*) FROM certificate),
  (SELECT count(*) FROM work), (SELECT count(*) FROM activity WHERE starts_on BETWEEN '$FROM' AND '$TO'),
  (SELECT count(*) FROM schools_replica.esa)")

# The statements the service runs for each page, as PostgreSQL logs them with log_statement = all (each page is one
# read-only transaction; Micronaut Data's query log shows the same text): ActivityRepository.list with its Pageable,
# SummaryRepository's three, EsaReplicaRepository.findAll. The driver binds every value as a parameter, also the
# filters it leaves out (NULL, written :none here, :nonenumber for an integer). pgbench binds :esa, :from and :to (-D; -M prepared: each statement
# is prepared once per connection, as pgjdbc does after five runs, so PostgreSQL may settle on a generic plan as it may
# for the service), but it cannot bind a NULL, so :none is NULL in place, which the planner folds away even in a generic
# plan. The plans below are printed both ways when they differ.
list_where="WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
  AND (CAST(:none AS TEXT) IS NULL OR state = :none)
  AND (CAST(:none AS TEXT) IS NULL OR type = :none)
  AND (CAST(:none AS TEXT) IS NULL OR CAST(:none AS TEXT) = ANY (tracks))
  AND (CAST(:from AS DATE) IS NULL OR starts_on >= :from)
  AND (CAST(:to AS DATE) IS NULL OR starts_on <= :to)
  AND (CAST(:nonenumber AS INT) IS NULL OR academic_year = :nonenumber)
  AND (CAST(:none AS TEXT) IS NULL OR ref = :none)"
list_page="SELECT activity_row_.* FROM activity activity_row_
$list_where ORDER BY activity_row_.starts_on DESC,activity_row_.id ASC LIMIT 50"
list_count="SELECT count(*) FROM activity
$list_where"
summary_activities="SELECT a.esa, a.type, a.state, count(*) AS activities, coalesce(sum(p.total), 0) AS participants
FROM activity a LEFT JOIN activity_participation p ON p.activity = a.id
WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:none AS TEXT) IS NULL OR a.esa = :none)
GROUP BY a.esa, a.type, a.state"
summary_certificates="SELECT a.esa, count(*) AS certificates
FROM certificate c JOIN activity a ON a.id = c.activity
WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:none AS TEXT) IS NULL OR a.esa = :none)
  AND c.revoked_at IS NULL
GROUP BY a.esa"
summary_works="SELECT a.esa, count(*) AS presented,
       count(*) FILTER (WHERE w.status IN ('SELECTED', 'FORWARDED')) AS selected,
       count(*) FILTER (WHERE w.status = 'FORWARDED') AS forwarded
FROM work w JOIN activity a ON a.id = w.activity
WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:none AS TEXT) IS NULL OR a.esa = :none)
GROUP BY a.esa"
summary_esas='SELECT esa_replica_."code",esa_replica_."kind",esa_replica_."zone",esa_replica_."province_code",esa_replica_."province",esa_replica_."name_th",esa_replica_."name_en",esa_replica_."director",esa_replica_."registered_at",esa_replica_."version",esa_replica_."last_event_id",esa_replica_."updated_at" FROM "schools_replica"."esa" esa_replica_'

VALUES=(-D "esa=$ESA" -D "from=$FROM" -D "to=$TO" -D nil=x -D zero=0)

PAGES=(list summary)
declare -A PATHS=(
  [list]="/api/v1/activities?esa=$ESA&fiscalYear=$FISCAL_YEAR&sort=-startsOn&size=50"
  [summary]="/api/v1/activities/summary?fiscalYear=$FISCAL_YEAR"
)
declare -A TITLE=(
  [list]="$ESA's activities of fiscal year $FISCAL_YEAR, latest first, 50 a page"
  [summary]="every ESA's summary of fiscal year $FISCAL_YEAR"
)
declare -A STATEMENTS=([list]="list_page list_count"
  [summary]="summary_activities summary_certificates summary_works summary_esas")
declare -A WHAT=([list_page]="the page's rows" [list_count]="the total count"
  [summary_activities]="activities and participants per ESA, type and state"
  [summary_certificates]="certificates in force per ESA" [summary_works]="works per ESA"
  [summary_esas]="the ESAs the service knows")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The statement as pgbench runs it: with NULL in place of :none (:nonenumber, an integer), or with NULLIF(:nil, 'x')
# (NULLIF(:zero, 0)), a parameter that is NULL when it runs, as the service's; and the statement with every value in
# place.
for_pgbench() { sed -e 's/:none\(number\)\?\b/NULL/g' <<<"$1"; }
with_null_parameters() { sed -e "s/:none\b/NULLIF(:nil, 'x')/g" -e "s/:nonenumber\b/NULLIF(:zero, 0)/g" <<<"$1"; }
in_place() { for_pgbench "$1" | sed -e "s/:esa\b/'$ESA'/g" -e "s/:from\b/'$FROM'/g" -e "s/:to\b/'$TO'/g"; }
# psql's commands that print the plan of a statement prepared with its values as parameters (numbered as the driver
# numbers them, :none bound as NULL), after five runs, when PostgreSQL may have settled on a generic plan
plan_of() {
  python3 - "$1" "$ESA" "$FROM" "$TO" <<'PY'
import re, sys
statement, values = sys.argv[1], {"esa": sys.argv[2], "from": sys.argv[3], "to": sys.argv[4], "nil": "x", "zero": "0"}
params = []
def number(match):
    name = match.group(1)
    params.append("NULL" if name.startswith("none") else "'%s'" % values[name])
    return "$%d" % len(params)
prepared = re.sub(r":(esa|from|to|nil|zero|none|nonenumber)\b", number, statement)
execute = "EXECUTE q" + ("(%s)" % ", ".join(params) if params else "")
print("PREPARE q AS %s;" % prepared)
print("\\o /dev/null")
print((execute + ";\n") * 5, end="")
print("\\o")
print("EXPLAIN (ANALYZE, BUFFERS) %s;" % execute)
if params:
    print("SELECT CASE WHEN generic_plans > 0 THEN '(generic plan: planned once for any parameters, as PostgreSQL chose "
          "after five runs)' ELSE '(custom plan: planned for these parameters at each run)' END "
          "FROM pg_prepared_statements WHERE name = 'q';")
PY
}
# a plan's shape: without its costs, estimates, timings, row counts, buffers and parameters
shape() { sed -E -e 's/ \(actual[^)]*\)//' -e 's/  \(cost[^)]*\)//' -e '/Buffers|Time:|Heap Blocks|Batches|Memory|Rows Removed|Heap Fetches|^\(/d' \
  -e 's/\$[0-9]+/$/g' -e "s/'[^']*'::(text|date)/\$/g" -e 's/\(\$\)::text/$/g' <<<"$1"; }

# what the service answers must be what the statements give
answer() { curl -s -H "Authorization: Bearer $TOKEN" "$EVENTS${PATHS[$1]}"; }
count=$(sql -c "$(in_place "$list_count")")
answer list | python3 -c '
import json, sys
page = json.load(sys.stdin)
total, shown, expected = page["totalItems"], len(page["items"]), int(sys.argv[1])
assert total == expected and shown == min(50, expected), f"the list answered {total} activities, {shown} on its page; the count says {expected}"
' "$count" || die "the list's answer does not match its statements"
answer summary | python3 -c '
import json, sys
summary = json.load(sys.stdin)
total, esas, expected = sum(e["activities"] for e in summary["esas"]), len(summary["esas"]), int(sys.argv[1])
assert total == expected, f"the summary counts {total} activities; the fiscal year has {expected}"
assert esas >= 245, f"the summary lists {esas} ESAs"
' "$in_year" || die "the summary's answer does not match its statements"

# percentile P of the latencies (µs) in pgbench's per-transaction logs (third column), in ms
percentile() { cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk -v p="$1" '
  { v[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }'; }
# wrk's percentile P (50, 99) in ms, as bench/wrk/percentiles.lua prints it
wrk_ms() { awk -v p="$1" '$1 == "percentile" && $2 == p { printf "%.2f", $3 / 1000 }' <<<"$2"; }

declare -A FORM=([for_pgbench]=a [with_null_parameters]=b)
# run_pgbench PAGE FORM CLIENTS: pgbench's transactions/s, p50 and p99 of the page's statements in that form
run_pgbench() {
  local file=$work/$1.$2.pgbench
  rm -f "$work"/pgbench_log.*
  pgbench -n -M prepared -c "$3" -j "$3" -T "$WARMUP" "${VALUES[@]}" -f "$file" "$DATABASE" >"$work/pgbench.out" 2>&1 ||
    die "pgbench failed on the $1 page: $(cat "$work/pgbench.out")"
  tps=$( (cd "$work" && pgbench -n -M prepared -c "$3" -j "$3" -T "$DURATION" -l "${VALUES[@]}" -f "$file" "$DATABASE" 2>/dev/null) |
    awk '/^tps = / { printf "%.0f", $3 }')
  [[ -n $tps ]] || die "pgbench printed no tps on the $1 page"
  b50=$(percentile 50)
  b99=$(percentile 99)
}

report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores (load average $(cut -d' ' -f1 /proc/loadavg) at the start) · $total activities ($in_year in fiscal year $FISCAL_YEAR, $in_esa of them $ESA's), $participations participations, $certificates certificates, $works works, $esas ESAs · ${DURATION}s per run")
report+=("")
report+=("pgbench runs the page's statements in one read-only transaction, as the service does, in two forms: (a) the filters the service leaves out NULL in place; (b) those filters bound as parameters that are NULL, as the service binds them (NULLIF(:nil, 'x'): pgbench cannot bind a NULL), so that PostgreSQL plans them as it plans the service's.")
report+=("")
report+=("| page | clients | Tambon p50 / p99 ms | Tambon req/s | pgbench (a) p50 / p99 ms | (a) tx/s | p50 ratio to (a) | pgbench (b) p50 / p99 ms | (b) tx/s | p50 ratio to (b) |")
report+=("|---|---|---|---|---|---|---|---|---|---|")
for page in "${PAGES[@]}"; do
  url=$EVENTS${PATHS[$page]}
  for form in for_pgbench with_null_parameters; do
    {
      echo "BEGIN READ ONLY;"
      for statement in ${STATEMENTS[$page]}; do "$form" "${!statement};" | tr '\n' ' ' | sed 's/ *$//'; echo; done
      echo "COMMIT;"
    } >"$work/$page.$form.pgbench"
  done
  for c in $CLIENTS; do
    wrk -t"$c" -c"$c" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    out=$(wrk -t"$c" -c"$c" -d"${DURATION}s" -s "$BENCH/wrk/percentiles.lua" -H "Authorization: Bearer $TOKEN" "$url")
    ! grep -q 'Non-2xx' <<<"$out" || die "non-2xx answers during the run: $out"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(wrk_ms 50 "$out")
    p99=$(wrk_ms 99 "$out")
    row="| ${TITLE[$page]} | $c | $p50 / $p99 | $rps"
    line="$page at $c client(s): p50 $p50 ms, p99 $p99 ms, $rps/s"
    for form in for_pgbench with_null_parameters; do
      run_pgbench "$page" "$form" "$c"
      ratio=$(awk -v a="$p50" -v b="$b50" 'BEGIN { printf "%.1f", a / b }')
      row+=" | $b50 / $b99 | $tps | $ratio"
      line+=" (pgbench (${FORM[$form]}): p50 $b50 ms, p99 $b99 ms, $tps tx/s)"
    done
    report+=("$row |")
    echo "$line" >&2
  done
done

printf '%s\n' "${report[@]}"
for page in "${PAGES[@]}"; do
  echo
  echo "Plans of ${TITLE[$page]}:"
  for statement in ${STATEMENTS[$page]}; do
    service=$(plan_of "${!statement}" | sql -f -)
    in_place=$(plan_of "$(for_pgbench "${!statement}")" | sql -f -)
    parameters=$(plan_of "$(with_null_parameters "${!statement}")" | sql -f -)
    echo
    if [[ $(shape "$service") == "$(shape "$in_place")" ]]; then
      echo "${WHAT[$statement]}:"
    else
      echo "${WHAT[$statement]}, as the service and pgbench (b) run it (the filters it leaves out bound as NULL parameters):"
    fi
    echo '```'
    echo "$service"
    echo '```'
    if [[ $(shape "$service") != "$(shape "$in_place")" ]]; then
      echo
      echo "${WHAT[$statement]}, as pgbench (a) runs it (NULL in place):"
      echo '```'
      echo "$in_place"
      echo '```'
    fi
    if [[ $(shape "$service" | sed 's/NULLIF(\$, \$)/$/g') != "$(shape "$parameters" | sed -E 's/NULLIF\(\$, \$\)/$/g')" ]]; then
      echo
      echo "**pgbench (b) gets another plan than the service here:**"
      echo '```'
      echo "$parameters"
      echo '```'
    fi
  done
done
