# Turns `wrk --latency` output into the RESULT line loadgen prints, so the
# runner reads every client the same way.
function ms(v) {
    if (v ~ /us$/) return v * 0.001
    if (v ~ /ms$/) return v + 0
    if (v ~ /m$/)  return v * 60000
    if (v ~ /s$/)  return v * 1000
    return v
}
/ requests in /             { requests = $1 }
/^Requests\/sec:/           { rps = $2 }
/Latency Distribution/      { dist = 1 }
dist && $1 == "50%"         { p50 = ms($2) }
dist && $1 == "99%"         { p99 = ms($2) }
/Socket errors:/            { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
/Non-2xx or 3xx responses:/ { errors += $NF }
END {
    if (rps == "") {
        print "wrk printed no Requests/sec line" > "/dev/stderr"
        exit 1
    }
    printf "RESULT mode=http req_per_s=%s requests=%d p50_ms=%.3f p99_ms=%.3f errors=%d\n", rps, requests, p50, p99, errors
    printf "http (wrk): %.0f requests/s, p50 %.3f ms, p99 %.3f ms, %d errors\n", rps, p50, p99, errors
}
