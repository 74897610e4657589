#!/usr/bin/env bash
# Runs a server command and, on SIGHUP, stops it (SIGTERM, then waits for
# it) and starts it again: the plain restart users do without a reload,
# for the stock column of the reload scenario. It says "restarted" on
# stderr once the new copy is started. SIGTERM stops the copy and ends
# this script by SIGTERM.
#
#   bench/servers/restart_on_hup.sh php servers/time_tcp.php tcp://127.0.0.1:8000
set -u
(($#)) || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
restart=0
stop=0
trap 'restart=1' HUP
trap 'stop=1' TERM
"$@" &
child=$!
while true; do
	wait "$child"
	status=$?
	if ((stop)); then
		kill -TERM "$child" 2>/dev/null
		wait "$child"
		trap - TERM
		kill -TERM $$
	fi
	if ((restart)); then
		restart=0
		kill -TERM "$child" 2>/dev/null
		wait "$child"
		"$@" &
		child=$!
		echo restarted >&2
		continue
	fi
	exit "$status"
done
