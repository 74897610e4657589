# Reads the sanitizer log files of tests/asan/run (named <test>.<pid>) and
# splits them into single reports: an ASan error (from its ERROR line to its
# SUMMARY), one leak of a LeakSanitizer report, one UBSan runtime error.
# A report is fastsock's when a line of it (a stack frame, UBSan's source
# location) names the sanitized build directory `dir`, which holds both
# fastsock.so and the sources it was compiled from; the other reports come
# from php itself or the libraries it loads and are only counted.
#
# Prints each distinct fastsock report once (the same stack from many
# processes is one bug), headed "== <kind>, <N> times, in: <tests>", then a
# line "reports-in <test>" for each test that has one, and last
# "fastsock reports: N; ignored outside fastsock: ..." (counts by kind).

function flush(key) {
	if (unit == "")
		return
	if (ours) {
		nours++
		with_reports[test] = 1
		# The same report up to addresses, sizes and pids.
		key = unit
		gsub(/0x[0-9a-f]+|[0-9]+ byte\(s\)|[0-9]+ object\(s\)|==[0-9]+==/, "", key)
		if (!(key in times)) {
			order[++distinct] = key
			first[key] = unit
			kinds[key] = kind
		}
		times[key]++
		if (!index(" " tests[key] " ", " " test " "))
			tests[key] = tests[key] (tests[key] == "" ? "" : " ") test
	} else {
		ignored[kind]++
	}
	unit = ""
	ours = 0
}

function start(k) {
	flush()
	in_dump = 0
	kind = k
	unit = $0 "\n"
	ours = index($0, dir) > 0
}

FNR == 1 {
	flush()
	in_dump = 0
	test = FILENAME
	sub(/.*\//, "", test)
	sub(/\.[0-9]+$/, "", test)
}

/ERROR: LeakSanitizer: detected memory leaks/ { flush(); next }
/^(Direct|Indirect) leak of / { start("leak"); next }
/ERROR: AddressSanitizer: / { start("error"); next }
/ runtime error: / { start("undefined behaviour"); next }
# An ASan error's SUMMARY names the bug and the frame; its shadow-memory dump
# follows, up to "ABORTING".
/^SUMMARY: / {
	if (kind == "error" && unit != "") {
		unit = unit $0 "\n"
		in_dump = 1
	}
	flush()
	next
}
in_dump {
	if (/ABORTING/)
		in_dump = 0
	next
}
unit != "" {
	unit = unit $0 "\n"
	if (index($0, dir))
		ours = 1
	next
}
# Outside a report: notes such as LeakSanitizer's "does not work under
# ptrace", which mean that process went unchecked.
/[^=[:space:]]/ {
	sub(/^==[0-9]+==/, "")
	ignored["note \"" $0 "\""]++
}

END {
	flush()
	for (i = 1; i <= distinct; i++) {
		key = order[i]
		printf "== %s, %d times, in: %s\n%s\n", kinds[key], times[key], tests[key], first[key]
	}
	for (t in with_reports)
		print "reports-in " t
	line = ""
	for (k in ignored)
		line = line (line == "" ? "" : ", ") k " " ignored[k]
	printf "fastsock reports: %d (%d distinct); ignored outside fastsock: %s\n", nours, distinct, line == "" ? "none" : line
}
