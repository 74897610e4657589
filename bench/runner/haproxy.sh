# shellcheck shell=bash
# HAProxy in front of a run's server, for the scenarios that go through a
# balancer: TCP mode, one frontend on the next port, the server as its one
# backend, with or without the PROXY protocol header (send-proxy-v2). It
# runs on the clients' core: the server keeps its own, as in every run.

HAP_PID=

# start_haproxy SERVER_ADDRESS HEADER: HEADER is "v2" or empty. Sets ADDR
# to the frontend the client must use. Waits (bounded) until the frontend
# accepts a connection, as HAProxy prints no ready line.
start_haproxy() {
	local backend=${1#*://} header=$2 cfg=$TMPD/haproxy.cfg option=
	PORT=$((PORT + 1))
	[[ $header == v2 ]] && option=send-proxy-v2
	cat >"$cfg" <<-CFG
		global
		    nbthread 1
		    maxconn 4000
		defaults
		    mode tcp
		    timeout connect 5s
		    timeout client 30s
		    timeout server 30s
		frontend bench
		    bind 127.0.0.1:$PORT
		    default_backend app
		backend app
		    server app $backend $option
	CFG
	"${CLIENT_PIN[@]}" "$(command -v haproxy || echo /usr/sbin/haproxy)" -db -f "$cfg" >"$TMPD/haproxy.log" 2>&1 &
	HAP_PID=$!
	# shellcheck disable=SC2034 # bench/run reads ADDR: the client now talks to HAProxy
	ADDR=tcp://127.0.0.1:$PORT
	local tries
	for ((tries = 0; tries < 100; tries++)); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
			return 0
		fi
		kill -0 "$HAP_PID" 2>/dev/null || break
		sleep 0.05
	done
	cat "$TMPD/haproxy.log" >&2
	stop_haproxy
	return 1
}

stop_haproxy() {
	[[ -n $HAP_PID ]] || return 0
	kill -TERM "$HAP_PID" 2>/dev/null || true
	wait "$HAP_PID" 2>/dev/null || true
	HAP_PID=
}
