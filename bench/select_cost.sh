#!/bin/sh
# Instructions (callgrind, user space) and wall time per stream_select() call,
# stock against fastsock, at 10, 100 and 1,000 streams (all below FD_SETSIZE,
# so that stock can run at all).
#
# usage: bench/select_cost.sh [path/to/fastsock.so]
#
# Each count is (Ir of 2K calls - Ir of K calls) / K: start-up and set-up
# cancel out, what is left is one call plus the loop around it (the same
# few dozen instructions in both). Kernel work (select() vs poll()) is not
# in callgrind's count; the wall time column includes it.
set -eu
cd "$(dirname "$0")/.."
so=${1:-$PWD/modules/fastsock.so}
php=${PHP:-php}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

instructions() { # mode n calls
	flag=
	[ "$1" = stock ] && flag="-d fastsock.select=0"
	valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
		"$php" -n -d extension="$so" $flag bench/select_cost.php "$2" "$3" >/dev/null 2>&1
	sed -n 's/^totals: *//p' "$out/cg"
}

wall_ns() { # mode n calls: median of 5 runs
	flag=
	[ "$1" = stock ] && flag="-d fastsock.select=0"
	for run in 1 2 3 4 5; do
		"$php" -n -d extension="$so" $flag bench/select_cost.php "$2" "$3" | sed 's/.*ns_per_call=//'
	done | sort -n | sed -n 3p
}

printf '%6s  %14s %14s %7s  %12s %12s\n' streams 'stock Ir/call' 'fastsock Ir' ratio 'stock ns' 'fastsock ns'
for n in 10 100 1000; do
	k=$((20000 / n + 20))
	for mode in stock fastsock; do
		one=$(instructions $mode $n $k)
		two=$(instructions $mode $n $((2 * k)))
		eval "ir_$mode=$(( (two - one) / k ))"
		eval "ns_$mode=$(wall_ns $mode $n $((200000 / n + 200)))"
	done
	printf '%6d  %14d %14d %7s  %12s %12s\n' "$n" "$ir_stock" "$ir_fastsock" \
		"$(awk "BEGIN { printf \"%.2f\", $ir_fastsock / $ir_stock }")" "$ns_stock" "$ns_fastsock"
done
