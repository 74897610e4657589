/* The CPU time of another process (the server under load), read from
 * /proc/PID/stat, so a mode can count what the server spent in exactly its
 * measured window rather than in the warm-up too. */
#include <stdio.h>
#include <string.h>

#include "loadgen.h"

long proc_cpu_ticks(long pid)
{
	char path[64], line[1024], *p;
	unsigned long long utime, stime;
	long long cutime, cstime;
	FILE *f;
	int n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	p = fgets(line, sizeof(line), f);
	fclose(f);
	/* Field 2, the command name in parentheses, may hold spaces and
	 * parentheses: fields are counted after its last ')'. */
	if (!p || !(p = strrchr(line, ')')))
		return -1;
	/* After ") ": field 3 (state) ... 13, then 14 utime, 15 stime and
	 * 16, 17 the reaped children's, all in clock ticks. */
	n = sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld",
		   &utime, &stime, &cutime, &cstime);
	if (n != 4)
		return -1;
	return (long)(utime + stime + (unsigned long long)(cutime + cstime));
}
