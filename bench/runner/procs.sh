# shellcheck shell=bash
# Starting and stopping the processes of one run. Every process is started
# here, tracked by PID, and stopped by PID, also when the runner is
# interrupted (see cleanup).

SRV_PID=
SRV_FD=
READY_TIMEOUT=10
# The client's own deadlines end it first; this only catches a hung one.
CLIENT_TIMEOUT=90

# Server on one core, client on the other, so they do not steal each
# other's CPU time in ways that vary from run to run. A scenario with
# several server processes (ALL_CPUS=1) leaves every process free to run
# on any core: the servers need them all, and the client shares them.
set_pinning() {
	if (($(nproc) >= 2)) && ! ((${1:-0})); then
		SERVER_PIN=(taskset -c 0)
		CLIENT_PIN=(taskset -c 1)
	else
		SERVER_PIN=()
		CLIENT_PIN=()
	fi
}
set_pinning 0

# start_server LOG READY CMD... : starts CMD in the background and waits
# (at most READY_TIMEOUT each) for READY "ready" lines, one per worker
# process when there are several. Its stdout is a FIFO that stays open
# until stop_server, so a later write cannot block it; its stderr goes to LOG.
start_server() {
	local log=$1 ready=$2 fifo line i
	shift 2
	fifo=$(mktemp -u "$TMPD/ready.XXXXXX")
	mkfifo "$fifo"
	"${SERVER_PIN[@]}" "$@" >"$fifo" 2>"$log" &
	SRV_PID=$!
	exec {SRV_FD}<"$fifo"
	rm -f "$fifo"
	for ((i = 0; i < ready; i++)); do
		if ! read -r -t "$READY_TIMEOUT" -u "$SRV_FD" line || [[ $line != ready ]]; then
			echo "server did not print 'ready' ($((i + 1)) of $ready) within ${READY_TIMEOUT}s: $*" >>"$log"
			stop_server
			return 1
		fi
	done
	return 0
}

# Returns 1 if the server had already exited (crashed or gave up): then
# its exit status is its own, not that of our SIGTERM.
stop_server() {
	local rc=0
	[[ -n $SRV_PID ]] || return 0
	kill -TERM "$SRV_PID" 2>/dev/null || true
	wait "$SRV_PID" 2>/dev/null || rc=$?
	SRV_PID=
	exec {SRV_FD}<&-
	SRV_FD=
	((rc == 128 + 15))
}

# run_client OUT ADDRESS CLIENT... : runs the client, leaving a RESULT line
# in OUT (and the client's own output after it).
run_client() {
	local out=$1 addr=$2 tool=$3
	shift 3
	case $tool in
	loadgen)
		# echo counts the server's CPU time over its measured window.
		local pid=()
		[[ $1 == echo && -n $SRV_PID ]] && pid=(-p "$SRV_PID")
		"${CLIENT_PIN[@]}" timeout -k 5 "$CLIENT_TIMEOUT" "$BUILD/loadgen" "$1" "$addr" "${@:2}" "${pid[@]}" >"$out" 2>&1
		;;
	wrk)
		local raw=$out.wrk rc=0
		"${CLIENT_PIN[@]}" timeout -k 5 "$CLIENT_TIMEOUT" wrk -t1 "$@" --latency --timeout 5s "http://${addr#tcp://}/" >"$raw" 2>&1 || rc=$?
		awk -f "$BENCH/runner/wrk2result.awk" "$raw" >"$out" 2>&1 || rc=2
		cat "$raw" >>"$out"
		return $rc
		;;
	s_time)
		# s_time counts its real time in whole seconds; the wall time of
		# the whole command (start-up and, with -reuse, the first full
		# handshake included: a few ms) is finer.
		local raw=$out.s_time rc=0 t0 t1
		t0=$EPOCHREALTIME
		"${CLIENT_PIN[@]}" timeout -k 5 "$CLIENT_TIMEOUT" openssl s_time -connect "${addr#*://}" "$@" >"$raw" 2>&1 || rc=$?
		t1=$EPOCHREALTIME
		awk -v wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
			-f "$BENCH/runner/stime2result.awk" "$raw" >"$out" 2>&1 || rc=2
		cat "$raw" >>"$out"
		return $rc
		;;
	php)
		# A client script in bench/ on plain PHP (no fastsock): it prints
		# the RESULT line itself.
		"${CLIENT_PIN[@]}" timeout -k 5 "$CLIENT_TIMEOUT" php -n "$BENCH/$1" "$addr" "${@:2}" >"$out" 2>&1
		;;
	esac
}

# server_cpu_ticks: the user + system CPU time so far, in clock ticks, of
# the server and of every process under it (a launcher's copies, forked
# workers), those it has reaped included: /proc/PID/stat fields 4 (parent),
# 14 and 15 (its own time), 16 and 17 (its reaped children's). Nothing if
# the server is gone.
# shellcheck disable=SC2034 # bench/run reads it
CLK_TCK=$(getconf CLK_TCK)
server_cpu_ticks() {
	[[ -n $SRV_PID && -e /proc/$SRV_PID/stat ]] || return 0
	# cat, which goes on past a process that ended since the glob (and
	# then fails: no matter); each stat is one line.
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v root="$SRV_PID" '
		{
			pid = $1
			# Field 2, the command name in parentheses, may hold spaces
			# and parentheses: fields are counted after its last ") ".
			sub(/^.*\) /, "")
			parent[pid] = $2
			ticks[pid] = $12 + $13 + $14 + $15
		}
		END {
			tree[root] = 1
			do {
				grown = 0
				for (p in parent)
					if (!(p in tree) && (parent[p] in tree)) { tree[p] = 1; grown = 1 }
			} while (grown)
			for (p in tree) sum += ticks[p]
			print sum + 0
		}'
}

cleanup() {
	stop_server || true
	[[ -n ${TMPD:-} ]] && rm -rf "$TMPD"
}
