# shellcheck shell=bash disable=SC2034 # sets globals that bench/run reads
# Scenario definitions. scenario_def NAME sets:
#   PHP_SCRIPT  the script under test, in servers/
#   SCRIPT_ARGS one more argument for it, after the address (not for ref)
#   REF_SERVER  the C reference binary, in build/
#   TRANSPORT   tcp, ssl, udp or unix
#   CLIENT      the client and its arguments, without the address
#   METRICS     RESULT keys to report; the first is the headline number
#   STOCK_FAILS 1 if stock PHP is expected to fail this scenario
#   CERT        rsa or ec: the server gets that certificate and key after
#               the address (made by make_certs); empty for no TLS
#   PHP_INI     extra php arguments for both PHP servers (-d name=value)
#   REF_ARGS    extra arguments for the C reference, after the others
#   HAPROXY     1: the client goes through HAProxy (TCP mode) to the server
#   PROXY_HEADER v2: HAProxy sends the fastsock server a PROXY v2 header
#               (and the PHP servers run with fastsock.proxy_protocol on)
#   LAUNCH      empty: one PHP process; reuseport: WORKERS copies of the
#               script under examples/workers.sh (fastsock.reuseport=1);
#               forked: the script forks WORKERS children itself (its last
#               argument); held: fastsock runs WORKERS copies under
#               examples/workers.sh -l ADDRESS (the launcher holds the
#               socket), stock one process under servers/restart_on_hup.sh
#   DURING      hup3: while the client runs, the server gets SIGHUP three
#               times, each once the previous reload (or restart) is done
#   WORKERS     the number of PHP worker processes (with LAUNCH)
#   ALL_CPUS    1: no process is pinned to a core (several server
#               processes need them all; the client shares them)
#   VARIANTS    the variants that run (stock fastsock ref); NOT_RUN_WHY
#               says why one does not. A scenario that lists poll also
#               runs fastsock with fastsock.select_epoll=0: stream_select()
#               on poll() next to the epoll set (the fastsock variant)
# SMOKE=1 selects tiny sizes that only prove everything still runs.

ALL_SCENARIOS=(time_c1 time_c100 time_c1000
	select_echo_100 select_echo_1000 select_echo_5000 select_echo_10000 select_idle_10000 select_echo_100kb
	http_100 http_1000 http_2000 http_onewrite_100 http_onewrite_1000 bulk unix_bulk udp unix_echo
	tls_new tls_new_ec tls12_reuse tls13_reuse tls_enable_crypto_new tls_silent_peers
	tls_hostile_0 tls_hostile_50 tls_hostile_1000
	tls_echo_c100 haproxy_time_c100 haproxy_time_c100_pp haproxy_http_100 haproxy_http_100_pp
	http_workers_1 http_workers_2 http_workers_4 http_forked_1 http_forked_2 http_forked_4
	time_workers_1 time_workers_2 time_workers_4 tls_workers_1 tls_workers_2 tls_workers_4
	reload_c20)

# pick FULL SMOKE: the value for the current mode.
pick() { if ((SMOKE)); then echo "$2"; else echo "$1"; fi; }

scenario_def() {
	STOCK_FAILS=0 CERT='' PHP_INI='' SCRIPT_ARGS='' REF_ARGS='' HAPROXY='' PROXY_HEADER=''
	LAUNCH='' WORKERS=1 ALL_CPUS=0 VARIANTS='stock fastsock ref' NOT_RUN_WHY='' DURING=''
	# The stream_select() servers, timed on the epoll set and on poll().
	local with_poll='stock fastsock poll ref'
	# Worker scenarios: NAME_workers_N (reuseport, fastsock only: stock
	# has no fastsock.reuseport, and a second copy of an unchanged script
	# fails to bind there) and http_forked_N (pcntl_fork, both).
	if [[ $1 =~ ^(http|time|tls)_(workers|forked)_([1-9][0-9]?)$ ]]; then
		worker_scenario_def "${BASH_REMATCH[@]:1}"
		return
	fi
	# s_time runs for -time seconds (up to one more, as it counts time).
	local tls_time
	tls_time=$(pick 5 1)
	case $1 in
	time_c*)
		local c=${1#time_c}
		PHP_SCRIPT=time_tcp.php REF_SERVER=ref_time TRANSPORT=tcp
		# -t 3: long enough for connects retried after 1 s. With a full
		# backlog and SYN cookies some clients wait forever; they count as
		# errors rather than stall the run. Smoke stays under stock's
		# backlog of 32 to stay fast.
		CLIENT="loadgen connect -c $(pick "$c" $((c < 20 ? c : 20))) -n $(pick 3000 100) -t $(pick 3 2)"
		METRICS="conns_per_s p99_ms slow_1s errors"
		;;
	select_echo_100kb)
		# 100 KB messages on the same script, which reads with
		# fread($c, 8192) as users do: a read path that leaves part of a
		# message in PHP's read buffer and then tops it up with a blocking
		# read holds the whole loop for default_socket_timeout (60 s), so
		# echoes stop and connections count as errors. The warm-up echo
		# is the first 100 KB message of each connection.
		PHP_SCRIPT=select_echo.php REF_SERVER=ref_echo TRANSPORT=tcp
		CLIENT="loadgen echo -c $(pick 10 2) -s 100000 -d $(pick 1.5 0.2) -W 2 -t 10"
		METRICS="msgs_per_s server_us_per_msg p99_ms errors"
		;;
	select_idle_*)
		# The chat or WebSocket server's day: N connections that stay
		# silent (after one warm-up echo each) and 100 that echo. Every
		# stream_select() call still gets all N + 100 streams; what it
		# costs the server shows whether the wait's work follows the
		# ready streams (epoll) or all of them (poll).
		local c=${1#select_idle_}
		PHP_SCRIPT=select_echo.php REF_SERVER=ref_echo TRANSPORT=tcp
		STOCK_FAILS=1
		local warmup
		warmup=$(pick $((c > 5000 ? 60 : 16)) 16)
		CLIENT="loadgen echo -c $(pick $((c + 100)) 1200) -a 100 -d $(pick 3 0.2) -W $warmup -t $((warmup + 10))"
		METRICS="msgs_per_s server_us_per_msg p99_ms errors"
		VARIANTS=$with_poll
		;;
	select_echo_*)
		local c=${1#select_echo_}
		PHP_SCRIPT=select_echo.php REF_SERVER=ref_echo TRANSPORT=tcp
		# Smoke keeps the 5000 case: with stock's backlog of 32 only part
		# of a smaller burst reaches the server in time, which may then
		# stay below FD_SETSIZE (1024) and not show the failure.
		((c > 1024)) && STOCK_FAILS=1
		# The script accepts one client per stream_select() call, as users
		# write it: taking a burst of thousands in takes seconds, and once
		# the 4096 backlog is full the rest arrive by SYN retransmits (1, 3,
		# 7, 15 s). The warm-up waits for all of them; it is not measured.
		# At 10,000 the accepts alone walk the growing arrays ~50 million
		# times (one per call): 60 s.
		local warmup=$((c > 5000 ? 60 : c > 1024 ? 16 : 2))
		# 3 s of load (not 1.5 as elsewhere): these rows compare the
		# server's CPU per message across client counts and variants, and
		# a longer window evens out the other work on a shared machine
		# and halves the weight of the 10 ms CPU tick.
		CLIENT="loadgen echo -c $(pick "$c" $((c > 1024 ? c : 10))) -d $(pick 3 0.2) -W $warmup -t $((warmup + 10))"
		METRICS="msgs_per_s server_us_per_msg p99_ms errors"
		VARIANTS=$with_poll
		;;
	http_onewrite_*)
		# The response in one fwrite(), as Swoole's and Workerman's stacks
		# send it; the same script otherwise.
		local c=${1#http_onewrite_}
		PHP_SCRIPT=http_keepalive.php SCRIPT_ARGS=one-write REF_SERVER=ref_http TRANSPORT=tcp
		((c > 1024)) && STOCK_FAILS=1
		CLIENT="wrk -c $(pick "$c" 10) -d $(pick 2 1)"
		METRICS="req_per_s server_us_per_req p50_ms p99_ms errors"
		VARIANTS=$with_poll
		;;
	http_*)
		local c=${1#http_}
		PHP_SCRIPT=http_keepalive.php REF_SERVER=ref_http TRANSPORT=tcp
		((c > 1024)) && STOCK_FAILS=1
		CLIENT="wrk -c $(pick "$c" $((c > 1024 ? c : 10))) -d $(pick 2 1)"
		METRICS="req_per_s server_us_per_req p50_ms p99_ms errors"
		VARIANTS=$with_poll
		;;
	bulk | unix_bulk)
		PHP_SCRIPT=bulk_sink.php REF_SERVER=ref_bulk
		TRANSPORT=$([[ $1 == unix_* ]] && echo unix || echo tcp)
		CLIENT="loadgen bulk -b $(pick 2G 16M) -t 20"
		METRICS="mb_per_s errors"
		;;
	udp)
		PHP_SCRIPT=udp_echo.php REF_SERVER=ref_udp TRANSPORT=udp
		CLIENT="loadgen udp -n $(pick 50000 2000) -w 32 -t 5"
		METRICS="replies_per_s p99_ms lost errors"
		;;
	unix_echo)
		PHP_SCRIPT=select_echo.php REF_SERVER=ref_echo TRANSPORT=unix
		CLIENT="loadgen echo -c $(pick 100 10) -d $(pick 1.5 0.2) -W 2 -t 10"
		METRICS="msgs_per_s server_us_per_msg p99_ms errors"
		VARIANTS=$with_poll
		;;
	tls_new | tls_new_ec)
		# Full handshakes: s_time -new offers no session. RSA-2048 or
		# ECDSA P-256; TLS 1.3, as both sides default to it.
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl
		CERT=$([[ $1 == *_ec ]] && echo ec || echo rsa)
		CLIENT="s_time -new -time $tls_time"
		METRICS="hs_per_s server_us_per_hs hs_per_client_cpu_s"
		;;
	tls12_reuse)
		# Every connection offers the first connection's TLS 1.2 session
		# (id and ticket): 'r' marks count the resumed ones.
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl CERT=rsa
		CLIENT="s_time -reuse -tls1_2 -time $tls_time"
		METRICS="hs_per_s server_us_per_hs hs_per_client_cpu_s resumed full"
		;;
	tls13_reuse)
		# TLS 1.3 tickets come after the handshake: s_time keeps a usable
		# session only if it reads, so it sends a GET (-www /) and reads
		# the answer to EOF.
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl CERT=rsa
		CLIENT="s_time -reuse -tls1_3 -www / -time $tls_time"
		METRICS="hs_per_s server_us_per_hs hs_per_client_cpu_s resumed full"
		;;
	tls_enable_crypto_new)
		# A tcp:// listener without ssl options; each accepted connection
		# gets them and calls stream_socket_enable_crypto() (STARTTLS).
		PHP_SCRIPT=tls_starttls.php REF_SERVER=ref_tls TRANSPORT=tcp CERT=rsa
		CLIENT="s_time -new -time $tls_time"
		METRICS="hs_per_s server_us_per_hs hs_per_client_cpu_s"
		;;
	tls_silent_peers)
		# One plain TCP client connects and says nothing; then a TLS
		# request is timed. A server that handshakes inside accept serves
		# it only once the silent peer's handshake timed out. The
		# timeout is default_socket_timeout, 60 s by default: set to 15 s
		# (2 s for smoke) to keep runs short; the client gives up after
		# 70 s (10 s).
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl CERT=rsa
		PHP_INI="-d default_socket_timeout=$(pick 15 2)"
		CLIENT="php clients/tls_silent_peers.php 1 $(pick 70 10)"
		METRICS="wait_ms errors"
		;;
	tls_hostile_*)
		# N silent TCP peers and 4 trickling ClientHellos (one byte every
		# 500 ms) stay connected while real TLS clients come one after
		# another: their latency and handshake rate, to compare with
		# tls_hostile_0. Stock serves each real client only after every
		# hostile peer ahead of it timed out (default_socket_timeout, here
		# 15 s): it runs only without hostile peers.
		local n=${1#tls_hostile_}
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl CERT=rsa
		PHP_INI="-d default_socket_timeout=15"
		if ((n > 0)); then
			VARIANTS='fastsock ref'
			NOT_RUN_WHY="stock handshakes inside stream_socket_accept(): each hostile peer holds it for the socket timeout"
		fi
		CLIENT="php clients/tls_hostile.php $(pick "$n" $((n < 20 ? n : 20))) $((n > 0 ? 4 : 0)) $(pick 300 10) 60"
		METRICS="p99_ms p50_ms hs_per_s errors"
		;;
	tls_echo_c100)
		# select_echo.php on ssl://: the handshakes happen in the
		# warm-up (in stream_socket_accept() on stock), then 64-byte
		# messages over TLS through stream_select().
		PHP_SCRIPT=select_echo.php REF_SERVER=ref_tls REF_ARGS=echo TRANSPORT=ssl CERT=rsa
		CLIENT="loadgen echo -c $(pick 100 10) -d $(pick 1.5 0.2) -W 3 -t 12"
		METRICS="msgs_per_s server_us_per_msg p99_ms errors"
		;;
	reload_c20)
		# A steady load of 20 concurrent connects while the time server is
		# replaced three times: fastsock's launcher reloads 2 copies on the
		# socket it holds; stock PHP is stopped and started again, as users
		# restart it. What counts is the connects lost: refused (nothing
		# listened), reset (queued in a listener that closed), unanswered.
		PHP_SCRIPT=time_tcp.php REF_SERVER=ref_time TRANSPORT=tcp
		LAUNCH=held WORKERS=2 ALL_CPUS=1 DURING=hup3 VARIANTS='stock fastsock'
		NOT_RUN_WHY="the C reference has no reload"
		CLIENT="loadgen connect -c 20 -n $(pick 200000 20000) -t $(pick 30 10)"
		METRICS="errors refused reset unanswered conns_per_s"
		;;
	haproxy_time_c100 | haproxy_time_c100_pp | haproxy_http_100 | haproxy_http_100_pp)
		# The same loads through HAProxy, without and with the PROXY v2
		# header: what the header costs beyond HAProxy itself. HAProxy
		# shares the client's core.
		HAPROXY=1
		if [[ $1 == *_pp ]]; then
			PROXY_HEADER=v2
			PHP_INI="-d fastsock.proxy_protocol=1 -d fastsock.proxy_from=127.0.0.1"
		fi
		if [[ $1 == haproxy_time_* ]]; then
			# 10,000 connects: the server's CPU is counted in 10 ms ticks.
			PHP_SCRIPT=time_tcp.php REF_SERVER=ref_time TRANSPORT=tcp
			CLIENT="loadgen connect -c $(pick 100 20) -n $(pick 10000 100) -t $(pick 3 2)"
			METRICS="conns_per_s server_us_per_conn p99_ms slow_1s errors"
		else
			PHP_SCRIPT=http_keepalive.php REF_SERVER=ref_http TRANSPORT=tcp
			CLIENT="wrk -c $(pick 100 10) -d $(pick 2 1)"
			METRICS="req_per_s server_us_per_req p50_ms p99_ms errors"
		fi
		;;
	*)
		return 1
		;;
	esac
}

# worker_scenario_def LOAD KIND N: N PHP worker processes on every core.
# The C reference stays one process (the ceiling of one process), unpinned
# like the workers.
worker_scenario_def() {
	local load=$1 kind=$2 tls_time
	tls_time=$(pick 5 1)
	WORKERS=$3 ALL_CPUS=1
	case $kind in
	workers)
		LAUNCH=reuseport VARIANTS='fastsock ref'
		NOT_RUN_WHY="stock PHP has no fastsock.reuseport: a second copy fails to bind (http_forked_N is the stock comparison)"
		;;
	forked)
		[[ $load == http ]] || return 1
		LAUNCH=forked
		;;
	esac
	case $load in
	http)
		# As http_100, and what each request cost the server's processes.
		PHP_SCRIPT=$([[ $kind == forked ]] && echo http_forked.php || echo http_keepalive.php)
		REF_SERVER=ref_http TRANSPORT=tcp
		CLIENT="wrk -c $(pick 100 10) -d $(pick 2 1)"
		METRICS="req_per_s server_us_per_req p50_ms p99_ms errors"
		;;
	time)
		# As time_c1000, the connect burst, with more connections: the
		# server's CPU time is counted in ticks of 10 ms.
		PHP_SCRIPT=time_tcp.php REF_SERVER=ref_time TRANSPORT=tcp
		CLIENT="loadgen connect -c $(pick 1000 20) -n $(pick 10000 100) -t $(pick 5 2)"
		METRICS="conns_per_s server_us_per_conn p99_ms slow_1s errors"
		;;
	tls)
		# As tls_new: full handshakes, RSA-2048.
		PHP_SCRIPT=tls_https.php REF_SERVER=ref_tls TRANSPORT=ssl CERT=rsa
		CLIENT="s_time -new -time $tls_time"
		METRICS="hs_per_s server_us_per_hs hs_per_client_cpu_s"
		;;
	esac
}
