#!/usr/bin/env bash
# bench/list.sh: how fast schools-service answers a filtered, sorted page of schools with 10,000+ schools loaded,
# against the running local stack (bin/dev up -d), beside its baseline measured in the same run on the same machine:
#   - wrk GETs the page from schools-service (8081, with a VIEWER token) at each client count: p50, p99, requests/s;
#   - pgbench runs the same two statements the service runs for that page (the page's rows, the total count), against
#     the same database at the same client count: p50, p99 (from its per-transaction log), transactions/s.
# Two pages: an ESA's active quality schools by Thai name (esa + qualityStatus + sort=nameTh), and a name search over
# all schools (q=, the trigram index) by Thai name. Also prints the query plans (EXPLAIN ANALYZE, BUFFERS).
# Prints a markdown report (see docs/benchmarks.md). Needs wrk, pgbench, psql and curl (Debian: wrk,
# postgresql-client).
#
# Load the schools first: bin/dev generate --schools 10000 -o /tmp/10k.json && bin/dev import /tmp/10k.json
# Usage: bench/list.sh [--duration SECONDS] [--warmup SECONDS] [--clients "1 4"] [--esa P31-71] [--q หนอง]
#                      [--min-schools 10000] (fewer schools loaded stops it; a smaller registry only for a smoke run)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=15
WARMUP=10
CLIENTS="1 4"
ESA=P31-71
Q=หนอง
MIN_SCHOOLS=10000
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
# the session options schools-service sets on its connections (DATASOURCE_PG_OPTIONS), so pgbench gets the same plans
PGOPTIONS=${PGOPTIONS:--c random_page_cost=1.1}
export PGHOST PGPORT PGUSER PGOPTIONS
SCHOOLS=http://127.0.0.1:8081

while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --esa) ESA=$2; shift 2 ;;
    --q) Q=$2; shift 2 ;;
    --min-schools) MIN_SCHOOLS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    *) echo "usage: bench/list.sh [--duration S] [--warmup S] [--clients \"1 4\"] [--esa CODE] [--q TEXT] [--label TEXT] [--min-schools N]" >&2
       exit 2 ;;
  esac
done

die() { echo "bench: $*" >&2; exit 1; }
for tool in wrk pgbench psql curl; do command -v "$tool" >/dev/null || die "$tool is needed (bench/install-tools installs it)"; done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$SCHOOLS/health/readiness") == 200 ]] ||
  die "schools-service is not ready on $SCHOOLS: start the stack with bin/dev up -d"
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d schools "$@"; }
schools=$(sql -c "SELECT count(*) FROM school")
((schools >= MIN_SCHOOLS)) ||
  die "only $schools schools: bin/dev generate --schools $MIN_SCHOOLS -o /tmp/schools.json && bin/dev import /tmp/schools.json"
TOKEN=${TAMBON_TOKEN:-$("$ROOT/bin/dev" token --role VIEWER --ttl 1h)}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
folded=$(sql -c "SELECT lower('$Q')")  # the service folds q the same way for these letters (no tone marks in $Q)

# The statements Micronaut Data runs for each page (logged with -Dlogger.levels.io.micronaut.data.query=DEBUG),
# with the parameters in place.
COLUMNS='school_row_."code",school_row_."name_th",school_row_."name_en",school_row_."esa",school_row_."province",school_row_."district",school_row_."tambon",school_row_."tambon_code",school_row_."director",school_row_."students",school_row_."teachers",school_row_."quality_status",school_row_."search_key",school_row_."registered_at",school_row_."updated_at",school_row_."version"'
esa_where="(school_row_.\"quality_status\" = 'ACTIVE' AND school_row_.\"esa\" = '$ESA')"
q_where="(school_row_.\"search_key\" LIKE '%$folded%' ESCAPE '\\')"
ORDER='ORDER BY school_row_."name_th" ASC,school_row_."code" ASC LIMIT 50'
esa_page="SELECT $COLUMNS FROM \"school\" school_row_ WHERE $esa_where $ORDER"
esa_count="SELECT COUNT(school_row_.\"code\") FROM \"school\" school_row_ WHERE $esa_where"
q_page="SELECT $COLUMNS FROM \"school\" school_row_ WHERE $q_where $ORDER"
q_count="SELECT COUNT(school_row_.\"code\") FROM \"school\" school_row_ WHERE $q_where"

declare -A PATHS=(
  [esa]="/api/v1/schools?esa=$ESA&qualityStatus=ACTIVE&sort=nameTh&size=50"
  [q]="/api/v1/schools?q=$(urlencode "$Q")&sort=nameTh&size=50"
)
declare -A PAGE_SQL=([esa]=$esa_page [q]=$q_page)
declare -A COUNT_SQL=([esa]=$esa_count [q]=$q_count)
declare -A TITLE=([esa]="$ESA's active quality schools by Thai name" [q]="name contains \"$Q\" (all schools) by Thai name")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# percentile P of the latencies (µs) in pgbench's per-transaction logs (third column), in ms
percentile() { cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk -v p="$1" '
  { v[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }'; }
# wrk's latency line for P (50%, 99%) in ms
wrk_ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }' <<<"$2"; }

report=()
report+=("### $(date -u +%Y-%m-%d) · $LABEL · $(nproc) cores · $schools schools · ${DURATION}s per run")
report+=("")
report+=("| page | clients | Tambon p50 / p99 ms | Tambon req/s | pgbench (same SQL) p50 / p99 ms | pgbench tx/s | p50 ratio |")
report+=("|---|---|---|---|---|---|---|")
for page in esa q; do
  url=$SCHOOLS${PATHS[$page]}
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")
  [[ $status == 200 ]] || die "GET $url answered $status"
  printf '%s;\n%s;\n' "${PAGE_SQL[$page]}" "${COUNT_SQL[$page]}" >"$work/$page.pgbench"
  for c in $CLIENTS; do
    wrk -t"$c" -c"$c" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    out=$(wrk -t"$c" -c"$c" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$url")
    ! grep -q 'Non-2xx' <<<"$out" || die "non-2xx answers during the run: $out"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(wrk_ms 50% "$out")
    p99=$(wrk_ms 99% "$out")
    rm -f "$work"/pgbench_log.*
    pgbench -n -M prepared -c "$c" -j "$c" -T "$WARMUP" -f "$work/$page.pgbench" schools >"$work/pgbench.out" 2>&1 ||
      die "pgbench failed on the $page page: $(cat "$work/pgbench.out")"
    tps=$( (cd "$work" && pgbench -n -M prepared -c "$c" -j "$c" -T "$DURATION" -l -f "$work/$page.pgbench" schools 2>/dev/null) |
      awk '/^tps = / { printf "%.0f", $3 }')
    [[ -n $tps ]] || die "pgbench printed no tps on the $page page"
    b50=$(percentile 50)
    b99=$(percentile 99)
    ratio=$(awk -v a="$p50" -v b="$b50" 'BEGIN { printf "%.1f", a / b }')
    report+=("| ${TITLE[$page]} | $c | $p50 / $p99 | $rps | $b50 / $b99 | $tps | $ratio |")
    echo "$page at $c client(s): p50 $p50 ms, p99 $p99 ms, $rps/s (pgbench p50 $b50 ms, p99 $b99 ms, $tps tx/s)" >&2
  done
done

printf '%s\n' "${report[@]}"
for page in esa q; do
  echo
  echo "Plan of ${TITLE[$page]}:"
  echo '```'
  sql -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${PAGE_SQL[$page]}"
  sql -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${COUNT_SQL[$page]}"
  echo '```'
done
