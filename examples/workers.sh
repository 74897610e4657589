#!/usr/bin/env bash
# Runs N copies of an unchanged PHP server script on one port, one per core,
# and replaces them on SIGHUP without refusing or resetting a connection:
#
#   examples/workers.sh [-l ADDRESS]... N script.php [args...]
#   examples/workers.sh "$(nproc)" examples/time_tcp.php 8000
#   examples/workers.sh -l tcp://127.0.0.1:8000 "$(nproc)" examples/time_tcp.php 8000
#
# Each copy is `php -d fastsock.reuseport=1 -d fastsock.graceful_stop=1
# script.php args...` with WORKER=1..N in its environment. How the copies
# share the port:
#
# - Without -l, every listening socket gets SO_REUSEPORT, so all copies
#   bind the same port and the kernel spreads new connections over them
#   (by a hash of the client's address and port). Each copy has its own
#   accept queue: a copy that stops takes the connections queued there.
# - With -l ADDRESS (tcp://host:port, udp://host:port, unix:///path or
#   udg:///path; repeatable), the launcher binds ADDRESS itself before any
#   copy starts and passes the socket to every copy by socket activation
#   (LISTEN_FDS, as systemd does); the script's stream_socket_server() for
#   that address adopts it instead of binding (an ssl:// or tls:// server
#   adopts a tcp:// one). Every copy, old or new, accepts from one queue,
#   which outlives them all. Binding needs php's pcntl (pcntl_exec).
# - Started with sockets of its own (a systemd .socket unit, or
#   systemd-socket-activate), the launcher passes those on the same way.
#
# SIGHUP reloads: N new copies start; once each is ready (fastsock in the
# copy tells the launcher: READY=1, sent when it has adopted every socket
# passed to it, or without -l when its first server listens), the old
# copies get SIGTERM, and SIGKILL after WORKERS_STOP_GRACE seconds. With
# fastsock.graceful_stop a copy ends at SIGTERM as soon as it holds no
# accepted connection (at once when it waits in accept; else when it
# closes its last one); a script can handle SIGTERM itself (pcntl_signal)
# to finish its work within the grace period. If a new copy exits, or not
# all are ready within WORKERS_READY_TIMEOUT seconds, the new copies are
# stopped, the old ones keep serving, and the launcher says why.
#
# SIGTERM or SIGINT (Ctrl-C) is passed on to every copy; the launcher waits
# for all of them (SIGKILL to those still there after WORKERS_STOP_GRACE)
# and restarts none (a supervisor such as systemd does that: see
# server@.service). It exits 1 if a copy failed (a status other than 0 or
# death by the signal passed on), else as its copies did.
#
# Environment: PHP, the php binary (default: php); PHP_ARGS, more php
# options before the script, split on spaces ("-d memory_limit=256M");
# WORKERS_READY_TIMEOUT (default 10) and WORKERS_STOP_GRACE (default 30),
# in seconds. PHPRC and PHP_INI_SCAN_DIR reach the copies as they are.
set -u

usage() {
	echo "usage: $0 [-l ADDRESS]... N script.php [args...]" >&2
	exit 2
}
addresses=()
while (($# >= 2)) && [[ $1 == -l ]]; do
	[[ $2 =~ ^(tcp|udp|unix|udg):// ]] || {
		echo "$0: -l $2: give tcp://host:port, udp://host:port, unix:///path or udg:///path" >&2
		exit 2
	}
	addresses+=("$2")
	shift 2
done
if (($# < 2)) || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
	usage
fi
count=$1
shift
php=${PHP:-php}
command -v "$php" >/dev/null || { echo "$0: $php: not found" >&2; exit 127; }
# shellcheck disable=SC2206 # split on spaces, as documented
php_args=(${PHP_ARGS:-} -d fastsock.reuseport=1 -d fastsock.graceful_stop=1)
ready_timeout=${WORKERS_READY_TIMEOUT:-10}
stop_grace=${WORKERS_STOP_GRACE:-30}
[[ $ready_timeout =~ ^[1-9][0-9]*$ && $stop_grace =~ ^[1-9][0-9]*$ ]] || {
	echo "$0: WORKERS_READY_TIMEOUT and WORKERS_STOP_GRACE are whole seconds, 1 or more" >&2
	exit 2
}

# Without fastsock (or with fastsock.enable=0) the setting does nothing and
# every copy but the first would fail with "Address already in use": say
# why once, up front.
# shellcheck disable=SC2016 # PHP code, not shell
if ! "$php" "${php_args[@]}" -r '
	$server = @stream_socket_server("tcp://127.0.0.1:0");
	exit($server && function_exists("fastsock_info")
		&& (@fastsock_info($server)["kernel"]["so_reuseport"] ?? 0) ? 0 : 1);' >/dev/null 2>&1; then
	echo "$0: fastsock is not active in '$php ${php_args[*]}' (extension=fastsock missing, or fastsock.enable=0): the copies could not share a port" >&2
	exit 1
fi

# -l: php binds the addresses and becomes this launcher again (pcntl_exec
# keeps the pid and the sockets), naming the sockets' descriptors.
if ((${#addresses[@]})); then
	# shellcheck disable=SC2016 # PHP code, not shell
	exec env -u NOTIFY_SOCKET "$php" "${php_args[@]}" -r '
		[, $bash, $launcher, $n] = $argv;
		$addresses = array_slice($argv, 4, (int) $n);
		$args = array_slice($argv, 4 + (int) $n);
		if (!function_exists("pcntl_exec")) {
			fwrite(STDERR, "$launcher: -l needs php with pcntl (pcntl_exec), to keep the sockets it binds\n");
			exit(1);
		}
		$fds = $servers = [];
		foreach ($addresses as $address) {
			$flags = preg_match("#^ud[pg]://#", $address) ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
			$server = @stream_socket_server($address, $errno, $errstr, $flags);
			if (!$server) {
				fwrite(STDERR, "$launcher: -l $address: $errstr\n");
				exit(1);
			}
			$socket = "socket:[" . fstat($server)["ino"] . "]";
			foreach (scandir("/proc/self/fd") as $fd) {
				if (preg_match("/^\\d+$/", $fd) && @readlink("/proc/self/fd/$fd") === $socket) {
					$fds[] = $fd;
				}
			}
			$servers[] = $server;
		}
		pcntl_exec($bash, array_merge([$launcher], $args), ["WORKERS_HELD_FDS" => implode(",", $fds)] + getenv());
		fwrite(STDERR, "$launcher: pcntl_exec($bash) failed\n");
		exit(1);' -- "$BASH" "$0" "${#addresses[@]}" "${addresses[@]}" "$count" "$@"
fi

# The sockets the copies get by socket activation: passed to this process
# (LISTEN_PID is ours), or bound above and moved to descriptors 3, 4, ...
held=0
if [[ -n ${WORKERS_HELD_FDS:-} ]]; then
	IFS=, read -r -a fds <<<"$WORKERS_HELD_FDS"
	unset WORKERS_HELD_FDS LISTEN_FDNAMES
	for i in "${!fds[@]}"; do
		[[ ${fds[i]} =~ ^[0-9]+$ ]] || { echo "$0: bad WORKERS_HELD_FDS" >&2; exit 1; }
		eval "exec $((200 + i))<&${fds[i]} ${fds[i]}<&-"
	done
	for i in "${!fds[@]}"; do
		eval "exec $((3 + i))<&$((200 + i)) $((200 + i))<&-"
	done
	held=${#fds[@]}
	export LISTEN_FDS=$held
elif [[ ${LISTEN_PID:-} == "$$" && ${LISTEN_FDS:-} =~ ^[1-9][0-9]*$ ]]; then
	held=$LISTEN_FDS
fi
state=$(mktemp -d "${TMPDIR:-/tmp}/workers.XXXXXX") || exit 1
trap 'rm -rf "$state"' EXIT
# A pipe nobody writes: reading it with a timeout is a pause that a trapped
# signal ends at once.
mkfifo "$state/idle" && exec {idle}<>"$state/idle" || exit 1

workers=()            # the serving generation; index i is WORKER=i+1
fresh=()              # a reload's new copies, until they are ready
declare -A retiring=() # pid -> when to SIGKILL it: copies stopped on purpose
signal=
signals=0
reloads=0
kill_at=
pass_on() {
	signal=$1
	signals=$((signals + 1))
	kill -s "$signal" "${workers[@]}" "${fresh[@]}" "${!retiring[@]}" 2>/dev/null
	# A copy still serving a connection (fastsock.graceful_stop) gets the
	# grace period, then SIGKILL.
	[[ -n $kill_at ]] || kill_at=$((SECONDS + stop_grace))
}
trap 'pass_on TERM' TERM
trap 'pass_on INT' INT
trap 'reloads=$((reloads + 1))' HUP

# start_copy N NOTIFY_SOCKET SCRIPT [ARGS...]: sets started to the pid of
# copy N (no NOTIFY_SOCKET when empty).
start_copy() {
	local number=$1 notify=$2
	shift 2
	# A non-interactive shell may start background jobs with SIGINT and
	# SIGQUIT ignored (bash does, for `php ... &`), and php would inherit
	# that: a subshell that restores the defaults, then becomes php, so
	# that a passed-on SIGINT (or the terminal's Ctrl-C) stops a copy.
	(
		trap - INT QUIT HUP TERM EXIT
		# The launcher's own pipes are not the copy's.
		exec {idle}<&-
		[[ -z ${ready_fd:-} ]] || exec {ready_fd}<&-
		if ((held)); then
			export LISTEN_PID=$BASHPID LISTEN_FDS=$held
		fi
		if [[ -n $notify ]]; then
			export NOTIFY_SOCKET=$notify
		else
			unset NOTIFY_SOCKET
		fi
		WORKER=$number exec "$php" "${php_args[@]}" "$@"
	) &
	started=$!
}

# Sends SIGTERM; the main loop sends SIGKILL to those still there after
# the grace period.
retire() {
	(($#)) || return
	local pid
	for pid in "$@"; do
		retiring[$pid]=$((SECONDS + stop_grace))
	done
	kill -s TERM "$@" 2>/dev/null
}

# An exited copy: reaped by bash already, or a zombie.
has_exited() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
	[[ ${stat##*) } == Z* ]]
}

# read_line FD SECONDS: sets line to FD's next line; fails (status 1) at
# its end, or (above 128) when no whole line came within SECONDS. bash
# reads a pipe a byte at a time: a timeout that comes in the middle of a
# line (a loaded machine can pause the launcher there) returns the bytes
# read so far, kept in partial for the next call (else the line would
# lose its start: "eady").
read_line() {
	local part status
	IFS= read -r -t "$2" -u "$1" part
	status=$?
	if ((status == 0)); then
		line=$partial$part
		partial=
	else
		partial+=$part
	fi
	return "$status"
}

reload() {
	local notify=$state/notify.$reloads i line partial='' ready_fd receiver reason=
	# shellcheck disable=SC2016 # PHP code, not shell
	exec {ready_fd}< <(
		unset NOTIFY_SOCKET LISTEN_PID LISTEN_FDS
		exec "$php" "${php_args[@]}" -r '
			[, $path, $copies, $timeout] = $argv;
			$server = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND);
			if (!$server) {
				exit("cannot listen at udg://$path: $errstr\n");
			}
			echo "listening\n";
			$deadline = microtime(true) + $timeout;
			for ($ready = 0; $ready < $copies && ($left = $deadline - microtime(true)) > 0;) {
				$r = [$server];
				$w = $e = null;
				if (@stream_select($r, $w, $e, (int) $left, (int) (fmod($left, 1) * 1e6)) > 0) {
					$ready += in_array("READY=1", explode("\n", (string) stream_socket_recvfrom($server, 4096)), true);
				}
			}
			unlink($path);
			echo $ready < $copies ? "timeout $ready\n" : "ready\n";' -- "$notify" "$count" "$ready_timeout"
	)
	receiver=$!
	if ! read_line "$ready_fd" 10 || [[ $line != listening ]]; then
		reason="no readiness listener (${line:-${partial:-no answer}})"
	else
		fresh=()
		for ((i = 1; i <= count; i++)); do
			start_copy "$i" "$notify" "$@"
			fresh+=("$started")
		done
		while [[ -z $reason && -z $signal ]]; do
			if read_line "$ready_fd" 0.2; then
				[[ $line == ready ]] && break
				reason="not every new copy was ready within ${ready_timeout}s (${line#timeout } of $count sent READY=1: fastsock sends it once a copy has adopted every socket passed to it, or without -l once its first server listens)"
			elif (($? == 1)); then
				reason="the readiness listener ended (${partial:-no answer})"
			fi
			for i in "${!fresh[@]}"; do
				if has_exited "${fresh[i]}"; then
					reason="new worker $((i + 1)) (pid ${fresh[i]}) exited before it was ready"
					break
				fi
			done
		done
	fi
	kill "$receiver" 2>/dev/null
	exec {ready_fd}<&-
	if [[ -n $signal ]]; then
		for i in "${fresh[@]}"; do
			retiring[$i]=$((SECONDS + stop_grace))
		done
		fresh=()
		return
	fi
	if [[ -n $reason ]]; then
		echo "$0: reload failed: $reason; the old copies keep serving" >&2
		retire "${fresh[@]}"
		fresh=()
		return
	fi
	echo "$0: reload: $count new copies ready (pids ${fresh[*]}); stopping the old ones (pids ${workers[*]})" >&2
	retire "${workers[@]}"
	workers=("${fresh[@]}")
	fresh=()
}

for ((i = 1; i <= count; i++)); do
	start_copy "$i" "" "$@"
	workers+=("$started")
done
((signals)) && pass_on "$signal" # it came before the last copy started

failed=0
handled_reloads=0
while ((${#workers[@]} + ${#retiring[@]})); do
	if ((reloads != handled_reloads)) && [[ -z $signal ]]; then
		handled_reloads=$reloads
		if ((${#workers[@]})); then
			reload "$@"
		fi
		continue
	fi
	# A pause of 0.2 s that a trapped signal ends at once (a reload to do).
	# Then which copies ended is read from /proc, and their statuses from
	# bash, which keeps them for copies that ended. (wait -n can miss a
	# child that ended just before it, and wait for the next.)
	read -r -t 0.2 -u "$idle" _
	if [[ -n $kill_at ]] && ((SECONDS >= kill_at)); then
		kill -s KILL "${workers[@]}" 2>/dev/null
	fi
	for pid in "${!retiring[@]}"; do
		if ! has_exited "$pid"; then
			((SECONDS >= retiring[$pid])) && kill -s KILL "$pid" 2>/dev/null
			continue
		fi
		wait "$pid"
		unset "retiring[$pid]"
	done
	for i in "${!workers[@]}"; do
		pid=${workers[i]}
		has_exited "$pid" || continue
		wait "$pid"
		status=$?
		unset "workers[i]"
		if ((status != 0)) && ! [[ -n $signal && $status == $((128 + $(kill -l "$signal"))) ]]; then
			echo "$0: worker $((i + 1)) (pid $pid) exited with status $status" >&2
			failed=1
		fi
	done
done

((failed)) && exit 1
if [[ -n $signal ]]; then
	# Stopped by a signal: end by it too, so that whoever sent it sees a
	# process it stopped (a shell loop stops on Ctrl-C; systemd counts
	# SIGTERM as a clean stop).
	trap - "$signal" EXIT
	rm -rf "$state"
	kill -s "$signal" $$
fi
exit 0
