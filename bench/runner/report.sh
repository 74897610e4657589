# shellcheck shell=bash
# Turning the runs into the table, the TSV and the chart.

# report RUNS METRICS OUTDIR DATE: writes OUTDIR/DATE.tsv and OUTDIR/DATE.png
# and prints the table.
report() {
	local runs=$1 metrics=$2 outdir=$3 date=$4
	local tsv=$outdir/$date.tsv png=$outdir/$date.png
	mkdir -p "$outdir"
	{
		echo "# fastsock bench $date: $(php -r 'echo PHP_VERSION;') on $(uname -sr), $(nproc) cores, reps=$REPS$( ((SMOKE)) && echo ', smoke')"
		echo "# extension: $EXT_DESC"
		awk -f "$BENCH/runner/summarize.awk" "$metrics" "$runs"
	} >"$tsv"
	print_table "$tsv"
	# A chart that came out empty or unreadable fails the run (the smoke too).
	# shellcheck disable=SC2034 # bench/run reads UNEXPECTED
	chart "$tsv" "$png" "$date" || { RUNS_FAILED=$((RUNS_FAILED + 1)); UNEXPECTED=1; }
	echo
	echo "results: $tsv"
	[ ! -f "$png" ] || echo "chart:   $png"
}

# print_table TSV: the table people read. The poll columns (fastsock on
# poll(), and the epoll set's value over it) appear only when some scenario
# ran that variant; TSVs from before them have none.
print_table() {
	awk -F '\t' '
		function fmt(v) {
			if (v == "-" || v == "FAILED" || v !~ /^[0-9.e+-]+$/ || v ~ /^[0-9]+$/) return v
			if (v + 0 >= 100) return sprintf("%.0f", v)
			if (v + 0 >= 1) return sprintf("%.2f", v)
			return sprintf("%.3f", v)
		}
		/^#/ { next }
		{
			for (i = 1; i <= 14; i++) f[NR, i] = (i <= NF || $1 == "scenario") ? $i : "-"
			rows[++n] = NR
			if ($1 != "scenario" && NF >= 12 && $12 != "-") polled = 1
		}
		END {
			for (k = 1; k <= n; k++) {
				r = rows[k]
				for (i = 1; i <= 14; i++) $i = f[r, i]
				head = $1 == "scenario"
				pct = ($8 == "-" || head) ? $8 : $8 "%"
				if (head) { $4 = "stock"; $5 = "fastsock"; $7 = "C ref"; pct = "% of C"; $12 = "poll"; $13 = "ep/poll" }
				printf "%-21s %-19s %-7s %10s %10s %7s %10s %7s", $1, $2, $3, fmt($4), fmt($5), $6, fmt($7), pct
				if (polled) printf " %10s %7s", fmt($12), $13
				printf "\n"
			}
		}' "$1"
}

# chart_ok PNG: the file is there, not empty, and a PNG image PHP can read.
chart_ok() {
	# shellcheck disable=SC2016 # PHP code, for PHP to expand
	[ -s "$1" ] && php -n -r 'exit((@getimagesize($argv[1]) ?: [2 => 0])[2] === IMAGETYPE_PNG ? 0 : 1);' "$1"
}

# merge_tsv TSV...: one TSV of the scenarios of all, in the order they first
# appear; a scenario in a later file replaces all its rows of earlier ones
# (a rerun of some scenarios over a full run). The comments of each file
# are kept; rows of files without the poll columns (older ones) stay
# without them.
merge_tsv() {
	awk -F '\t' '
		/^#/ { print; next }
		# The widest header: a TSV with the poll columns read with older ones.
		$1 == "scenario" { if (NF > split(header, h, "\t")) header = $0; next }
		{
			if (!($1 in owner)) order[++count] = $1
			if (!($1 in owner) || owner[$1] != FILENAME) {
				owner[$1] = FILENAME
				rows[$1] = ""
			}
			rows[$1] = rows[$1] $0 "\n"
		}
		END {
			print header
			for (i = 1; i <= count; i++) printf "%s", rows[order[i]]
		}' "$@"
}

# Bar chart of fastsock/stock for each scenario's headline metric (the first
# one), when it is a higher-is-better one. With no such ratio (stock failed
# in every scenario) there is nothing to draw: no chart, and it says so. A
# chart gnuplot left empty or unreadable is removed, and the call fails.
chart() {
	local tsv=$1 png=$2 date=$3 data
	data=$(mktemp "$TMPD/chart.XXXXXX")
	awk -F '\t' '/^#/ || $1 == "scenario" || seen[$1]++ || $3 != "higher" { next }
	{
		why = $4 == "FAILED" ? " (stock FAILED)" : $5 == "FAILED" ? " (fastsock FAILED)" : ""
		print "\"" $1 why "\"", ($6 == "-" ? "NaN" : $6)
	}' "$tsv" >"$data"
	rm -f "$png"
	if ! awk '$NF != "NaN" { found = 1 } END { exit !found }' "$data"; then
		echo "bench: no chart: no scenario in $tsv has a fastsock/stock ratio to draw" >&2
		return 0
	fi
	gnuplot <<-EOF || echo "bench: gnuplot failed" >&2
		set terminal png size 1000,520 font ",10" noenhanced
		set output "$png"
		set title "fastsock / stock PHP, headline metric per scenario ($date; higher is better)"
		set style data histograms
		set style fill solid 0.8 border -1
		set boxwidth 0.7
		set yrange [0:*]
		set ylabel "ratio"
		set xtics rotate by -30 left
		set grid ytics
		set key off
		plot "$data" using 2:xtic(1) lc rgb "#3a7bd5", \
		     "" using 0:2:(sprintf("%.2f", \$2)) with labels offset 0,0.8, \
		     1 with lines lc rgb "#c0392b" dt 2 lw 2
	EOF
	if ! chart_ok "$png"; then
		echo "bench: the chart $png is empty or unreadable: removed" >&2
		rm -f "$png"
		return 1
	fi
}
