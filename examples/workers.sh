#!/usr/bin/env bash
# Runs N copies of an unchanged PHP server script on one port, one per core:
#
#   examples/workers.sh N script.php [args...]
#   examples/workers.sh "$(nproc)" examples/time_tcp.php 8000
#
# Each copy is `php -d fastsock.reuseport=1 script.php args...`: every
# listening socket gets SO_REUSEPORT, so all copies bind the same port and
# the kernel spreads new connections over them (by a hash of the client's
# address and port). Each copy gets WORKER=1..N in its environment.
#
# SIGTERM or SIGINT (Ctrl-C) is passed on to every copy; the launcher waits
# for all of them and restarts none (a supervisor such as systemd does that:
# see server@.service). It exits 1 if a copy failed (a status other than 0
# or death by the signal passed on), else as its copies did.
#
# Environment: PHP, the php binary (default: php); PHP_ARGS, more php
# options before the script, split on spaces ("-d memory_limit=256M").
# PHPRC and PHP_INI_SCAN_DIR reach the copies as they are.
set -u

usage() {
	echo "usage: $0 N script.php [args...]" >&2
	exit 2
}
if (($# < 2)) || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
	usage
fi
count=$1
shift
php=${PHP:-php}
command -v "$php" >/dev/null || { echo "$0: $php: not found" >&2; exit 127; }
# shellcheck disable=SC2206 # split on spaces, as documented
php_args=(${PHP_ARGS:-} -d fastsock.reuseport=1)

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

# Traps first, so that a signal arriving while the copies start is passed on.
workers=()
signal=
signals=0
pass_on() {
	signal=$1
	signals=$((signals + 1))
	kill -s "$signal" "${workers[@]}" 2>/dev/null
}
trap 'pass_on TERM' TERM
trap 'pass_on INT' INT

for ((i = 1; i <= count; i++)); do
	# A non-interactive shell may start background jobs with SIGINT and
	# SIGQUIT ignored (bash does, for `php ... &`), and php would inherit
	# that: a subshell that restores the defaults, then becomes php, so
	# that a passed-on SIGINT (or the terminal's Ctrl-C) stops a copy.
	(trap - INT QUIT && WORKER=$i exec "$php" "${php_args[@]}" "$@") &
	workers+=($!)
done
((signals)) && pass_on "$signal" # it came before the last copy started

failed=0
for ((i = 1; i <= count; i++)); do
	pid=${workers[i - 1]}
	# A trapped signal makes wait return at once (status 128 + signal),
	# the copy still running: then wait again, for the copy's own status
	# (bash keeps it for a copy that has ended).
	while seen=$signals; wait "$pid"; status=$?; ((seen != signals)); do :; done
	if ((status != 0)) && ! [[ -n $signal && $status == $((128 + $(kill -l "$signal"))) ]]; then
		echo "$0: worker $i (pid $pid) exited with status $status" >&2
		failed=1
	fi
done

((failed)) && exit 1
if [[ -n $signal ]]; then
	# Stopped by a signal: end by it too, so that whoever sent it sees a
	# process it stopped (a shell loop stops on Ctrl-C; systemd counts
	# SIGTERM as a clean stop).
	trap - "$signal"
	kill -s "$signal" $$
fi
exit 0
