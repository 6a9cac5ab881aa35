#!/usr/bin/env bash
# Measures `verify` and `add` as whole processes on generated ledgers of 10^4, 10^5 and
# 10^6 claims (and 10^6 split over 50 files), against a single-threaded whole-file
# `ron` parse into the same types, and prints a Markdown table.
#
#   bash benches/scale.sh                 # all sizes, 5 runs each
#   SIZES="10000 100000" RUNS=3 bash benches/scale.sh
#
# Public tools only: GNU time (/usr/bin/time) for peak memory, awk for arithmetic.
# Medians over RUNS runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-5}
work=${WORK:-target/scale}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 1; }

cargo build --release --quiet --bin factledger --example gen-ledger --example parse-whole
bin=target/release/factledger

# Evaluates `$1 / $2` with two decimals.
div() { awk "BEGIN { printf \"%.2f\", ($1) / ($2) }"; }

# Runs a command RUNS times; prints "median_wall median_user+sys max_rss_kb".
measure() {
    local walls=() cpus=() rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
        read -r wall user sys kb < "$work/time"
        walls+=("$wall")
        cpus+=("$(div "$user + $sys" 1)")
        (( kb > rss )) && rss=$kb
    done
    local mid=$(( (RUNS + 1) / 2 ))
    echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${mid}p") $(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${mid}p") $rss"
}

echo "| claims | file | parse-whole (1 core) | verify | verify / parse | MB/s | CPU / wall | peak RSS | RSS / file | add | add / verify |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $SIZES; do
    for layout in single split; do
        [ "$layout" = split ] && [ "$n" != 1000000 ] && continue
        dir="$work/$n-$layout"
        if [ ! -f "$dir/ledger.ron" ]; then
            mkdir -p "$dir"
            split=()
            [ "$layout" = split ] && split=(--split 50)
            target/release/examples/gen-ledger --claims "$n" --seed 1 -o "$dir/ledger.ron" "${split[@]}" 2>/dev/null
        fi
        bytes=$(cat "$dir/ledger.ron" $( [ -d "$dir/desks" ] && echo "$dir"/desks/*.ron ) | wc -c)
        read -r verify_wall verify_cpu verify_rss < <(measure "$bin" verify "$dir/ledger.ron" --today 2026-01-01)
        if [ "$layout" = single ]; then
            read -r parse_wall _ _ < <(measure target/release/examples/parse-whole "$dir/ledger.ron")
            ratio=$(div "$verify_wall" "$parse_wall")
        else
            parse_wall="-"; ratio="-"
        fi
        # add appends to a copy, so every run starts from the same ledger.
        cp "$dir/ledger.ron" "$dir/add.ron"
        read -r add_wall _ _ < <(measure "$bin" add statement --ledger "$dir/add.ron" --subject place-1 \
            --text "A statement." --source source-1 --excerpt "Organisation" --today 2026-01-01)
        label="$n"; [ "$layout" = split ] && label="$n (50 files)"
        [ "$layout" = split ] && add_wall="-"
        mbs=$(div "$bytes / 1000000" "$verify_wall")
        add_ratio=-; [ "$add_wall" != - ] && add_ratio=$(div "$add_wall" "$verify_wall")
        echo "| $label | $((bytes / 1000000)) MB | ${parse_wall} s | ${verify_wall} s | ${ratio} | ${mbs} | $(div "$verify_cpu" "$verify_wall") | $((verify_rss / 1000)) MB | $(div "$verify_rss * 1024" "$bytes") | ${add_wall} s | ${add_ratio} |"
    done
done
