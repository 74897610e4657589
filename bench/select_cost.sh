#!/bin/sh
# Instructions (callgrind, user space) and wall time per stream_select() call:
# stock, fastsock on poll() (fastsock.select_epoll=0) and fastsock on its
# persistent epoll set, at 10, 100 and 1,000 streams (below FD_SETSIZE, so
# that stock can run at all) and 5,000 (fastsock only).
#
# usage: bench/select_cost.sh [path/to/fastsock.so]
# WALL=0 leaves out the wall times (on a shared machine they mean little).
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

flags() { # mode
	case $1 in
	stock) echo "-d fastsock.select=0" ;;
	poll) echo "-d fastsock.select_epoll=0" ;;
	epoll) echo "-d fastsock.select_epoll=1" ;;
	esac
}

instructions() { # mode n calls
	# shellcheck disable=SC2046
	valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
		"$php" -n -d extension="$so" $(flags "$1") bench/select_cost.php "$2" "$3" >/dev/null 2>&1
	sed -n 's/^totals: *//p' "$out/cg"
}

wall_ns() { # mode n calls: median of 5 runs
	[ "${WALL:-1}" = 0 ] && { echo -; return; }
	for run in 1 2 3 4 5; do
		# shellcheck disable=SC2046
		"$php" -n -d extension="$so" $(flags "$1") bench/select_cost.php "$2" "$3" | sed 's/.*ns_per_call=//'
	done | sort -n | sed -n 3p
}

printf '%6s  %10s %10s %10s %6s  %9s %9s %9s\n' streams 'stock Ir' 'poll Ir' 'epoll Ir' 'ratio' \
	'stock ns' 'poll ns' 'epoll ns'
for n in 10 100 1000 5000; do
	k=$((20000 / n + 20))
	for mode in stock poll epoll; do
		if [ "$mode" = stock ] && [ "$n" -gt 1000 ]; then
			eval "ir_$mode=-; ns_$mode=-"
			continue
		fi
		one=$(instructions $mode $n $k)
		two=$(instructions $mode $n $((2 * k)))
		eval "ir_$mode=$(( (two - one) / k ))"
		eval "ns_$mode=$(wall_ns $mode $n $((200000 / n + 200)))"
	done
	# ratio: epoll against poll, instructions per call
	printf '%6d  %10s %10s %10s %6s  %9s %9s %9s\n' "$n" "$ir_stock" "$ir_poll" "$ir_epoll" \
		"$(awk "BEGIN { printf \"%.2f\", $ir_epoll / $ir_poll }")" "$ns_stock" "$ns_poll" "$ns_epoll"
done
