#!/usr/bin/env bash
# The `marsad extract` process over a JSON Lines corpus, side by side for one or more builds (issue 17).
#   bench/extract-bench.sh [-n RUNS] [-c CPUS] [-a "EXTRA ARGS"] CORPUS MARSAD...
# MARSAD: a `marsad` wrapper (./marsad) or a built marsad.dll. Runs are alternated between the builds (run 1 of
# each, then run 2 of each, ...) so the machine's load falls on all alike. -c CPUS pins the process with
# `taskset -c CPUS` (e.g. -c 1 for one core). Prints each run, then per build the median of CPU time (user+sys),
# wall time, peak RSS, MB/s per core of CPU time and on wall time, reports/s, and the sha256 of stdout (the
# same bytes whatever the build or the thread count). Build each MARSAD before (a first ./marsad run builds).
# Corpus: `dotnet run -c Release --project bench/Marsad.Bench -- real-corpus /tmp/real.jsonl` (real reports from
# ../shared) or `... -- corpus 10000 /tmp/synthetic.jsonl` (synthetic).
set -euo pipefail
runs=3 cpus="" extra=""
while getopts "n:c:a:" o; do
  case $o in
    n) runs=$OPTARG ;;
    c) cpus=$OPTARG ;;
    a) extra=$OPTARG ;;
    *) echo "usage: $0 [-n RUNS] [-c CPUS] [-a ARGS] CORPUS MARSAD..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "usage: $0 [-n RUNS] [-c CPUS] [-a ARGS] CORPUS MARSAD..." >&2; exit 2; }
corpus=$1; shift
bytes=$(stat -c %s "$corpus")
docs=$(grep -c . "$corpus")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pin=()
[ -n "$cpus" ] && pin=(taskset -c "$cpus")
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "corpus $corpus: $docs documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; cpus ${cpus:-all}; args: ${extra:-none}; load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  i=0
  for m in "$@"; do
    i=$((i + 1))
    cmd=("$m")
    case $m in *.dll) cmd=(dotnet "$m") ;; esac
    # shellcheck disable=SC2086 # extra arguments are split on purpose
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "${pin[@]}" "${cmd[@]}" extract $extra "$corpus" >"$out/stdout" 2>"$out/stderr" || true
    read -r wall user sys rss <"$out/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    sum=$(sha256sum <"$out/stdout" | cut -c1-16)
    echo "$i $r $wall $cpu $rss $sum" >>"$out/runs"
    echo "run $r build $i ($m): wall ${wall} s, CPU ${cpu} s, peak RSS $((rss / 1024)) MB, stdout sha256 $sum, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "medians of $runs runs:"
i=0
for m in "$@"; do
  i=$((i + 1))
  wall=$(awk -v i="$i" '$1 == i { print $3 }' "$out/runs" | median)
  cpu=$(awk -v i="$i" '$1 == i { print $4 }' "$out/runs" | median)
  rss=$(awk -v i="$i" '$1 == i { print $5 }' "$out/runs" | median)
  sums=$(awk -v i="$i" '$1 == i { print $6 }' "$out/runs" | sort -u | tr '\n' ' ')
  awk -v m="$m" -v b="$bytes" -v d="$docs" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$sums" 'BEGIN {
    printf "  %s: CPU %.2f s = %.2f MB/s, %.0f reports/s per core; wall %.2f s = %.2f MB/s, %.0f reports/s; peak RSS %.0f MB; sha256 %s\n",
      m, c, b / 1e6 / c, d / c, w, b / 1e6 / w, d / w, r / 1024, s }'
done
