# Turns `openssl s_time` output into the RESULT line loadgen prints, so the
# runner reads every client the same way. s_time prints one mark per
# connection ('*' a full handshake, 'r' a resumed session), then
#   N connections in U s; R connections/user sec, bytes read B
#   N connections in T real seconds, B bytes read per connection
# U is s_time's own CPU time, so R measures the client. T is whole seconds
# (always -time + 1, as s_time counts), so the runner passes the wall time
# it measured around s_time (-v wall=SECONDS) for handshakes per second.
/^[*r]+$/                                   { n = split($0, c, ""); for (i = 1; i <= n; i++) marks[c[i]]++ }
/ connections in .*connections\/user sec/   { conns = $1; user_s = $4 + 0; per_user = $5 }
/ connections in .* real seconds/           { real_s = $4 }
END {
    if (conns == "" || real_s == "") {
        print "s_time printed no summary (it stops at the first failed connection)" > "/dev/stderr"
        exit 1
    }
    if (wall + 0 <= 0) wall = real_s
    resumed = marks["r"] + 0
    full = marks["*"] + 0
    printf "RESULT mode=s_time handshakes=%d hs_per_s=%.1f hs_per_client_cpu_s=%s client_cpu_s=%.2f wall_s=%.3f real_s=%d resumed=%d full=%d\n", \
        conns, conns / wall, per_user, user_s, wall, real_s, resumed, full
    printf "s_time: %d handshakes in %.2f s: %.0f/s, %s per client CPU second, %d resumed, %d full\n", \
        conns, wall, conns / wall, per_user, resumed, full
}
