# Reduces the runs of each scenario to medians per variant and compares them.
# Input 1 (metrics): scenario TAB space-separated metrics
# Input 2 (runs):    scenario TAB variant TAB status TAB key=value ...
# Output (TSV): scenario metric better stock fastsock ratio c_ref fastsock_pct_of_ref
#               stock_runs fastsock_runs ref_runs poll epoll_poll_ratio poll_runs
# (the poll columns last, so columns 1-11 read as in TSVs from before them;
# "-" where a scenario has no poll variant)
BEGIN { FS = OFS = "\t" }
FNR == NR { order[++n] = $1; metrics[$1] = $2; next }
{
    key = $1 SUBSEP $2
    if ($3 != "ok") failed[key] = 1
    split($4, kv, " ")
    for (i in kv) {
        eq = index(kv[i], "=")
        if (!eq) continue
        m = substr(kv[i], 1, eq - 1)
        k = key SUBSEP m
        vals[k] = (k in vals) ? vals[k] " " substr(kv[i], eq + 1) : substr(kv[i], eq + 1)
    }
}
function median(list,    a, c, i, j, t) {
    c = split(list, a, " ")
    for (i = 2; i <= c; i++)
        for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
}
function cell(s, v, m,    key) {
    key = s SUBSEP v
    if (key in failed) return "FAILED"
    if (!((key SUBSEP m) in vals)) return "-"
    return median(vals[key SUBSEP m])
}
function runs(s, v, m,    k) {
    k = s SUBSEP v SUBSEP m
    return (k in vals) ? vals[k] : "-"
}
function num(x) { return x != "FAILED" && x != "-" }
END {
    print "scenario", "metric", "better", "stock", "fastsock", "ratio", "c_ref", "fastsock_pct_of_ref", "stock_runs", "fastsock_runs", "ref_runs", "poll", "epoll_poll_ratio", "poll_runs"
    for (i = 1; i <= n; i++) {
        s = order[i]
        c = split(metrics[s], ms, " ")
        for (j = 1; j <= c; j++) {
            m = ms[j]
            better = (m ~ /_per_(client_cpu_)?s$/ || m == "resumed") ? "higher" : "lower"
            a = cell(s, "stock", m); b = cell(s, "fastsock", m); r = cell(s, "ref", m); p = cell(s, "poll", m)
            ratio = (num(a) && num(b) && a + 0 > 0) ? sprintf("%.2f", b / a) : "-"
            pct = (better == "higher" && num(b) && num(r) && r + 0 > 0) ? sprintf("%.0f", 100 * b / r) : "-"
            pratio = (num(p) && num(b) && p + 0 > 0) ? sprintf("%.2f", b / p) : "-"
            print s, m, better, a, b, ratio, r, pct, runs(s, "stock", m), runs(s, "fastsock", m), runs(s, "ref", m), \
                p, pratio, runs(s, "poll", m)
        }
    }
}
