#include "php.h"
#include "php_fastsock.h"

#include "tls_tickets.h"
#include "tls_tickets_report.h"

static bool shared;
/* madvise() refused: harmless but for core dumps, which phpinfo() tells. */
static bool dumpable;

void fastsock_tls_tickets_report_startup(void)
{
	fastsock_ticket_page_status page;

	fastsock_tls_tickets_startup(FASTSOCK_G(tls_ticket_key_file), &page);
	shared = page.shared;
	dumpable = page.dumpable;
	if (!page.shared) {
		php_error(E_NOTICE, "fastsock: TLS session ticket keys stay in each process (%s: %s): "
			"worker processes forked after startup do not share the keys fastsock makes",
			page.failed_call, strerror(page.error));
	}
	fastsock_tls_tickets_report_problem();
}

void fastsock_tls_tickets_report_problem(void)
{
	fastsock_tls_tickets_problem problem;
	char what[128];

	if (!fastsock_tls_tickets_take_problem(&problem)) {
		return;
	}
	switch (problem.status) {
		case FASTSOCK_TICKET_FILE_UNREADABLE:
			snprintf(what, sizeof(what), "cannot be read (%s)", strerror(problem.error));
			break;
		case FASTSOCK_TICKET_FILE_NOT_REGULAR:
			snprintf(what, sizeof(what), "is not a regular file");
			break;
		default:
			snprintf(what, sizeof(what), "holds %lld bytes", problem.size);
			break;
	}
	php_error_docref(NULL, E_WARNING, "fastsock.tls_ticket_key_file \"%s\" %s; accepted is a file of "
		"1 to %d session ticket keys, all of %d bytes (AES-256) or all of %d bytes (AES-128), "
		"as nginx's ssl_session_ticket_key; %s", problem.path, what, FASTSOCK_TICKET_FILE_MAX_KEYS,
		FASTSOCK_TICKET_FILE_KEY_AES256, FASTSOCK_TICKET_FILE_KEY_AES128, problem.keys_kept
			? "the keys read before stay in use"
			: "no session tickets until it is mended (sessions resume through each process's session cache)");
}

const char *fastsock_tls_tickets_report_source(void)
{
	switch (fastsock_tls_tickets_source()) {
		case FASTSOCK_TICKET_KEYS_FILE: return "file";
		case FASTSOCK_TICKET_KEYS_GENERATED: return "generated";
		default: return "none";
	}
}

void fastsock_tls_tickets_report_info(char *buf, size_t len)
{
	const char *where;

	switch (fastsock_tls_tickets_source()) {
		case FASTSOCK_TICKET_KEYS_FILE:
			where = "read from fastsock.tls_ticket_key_file";
			break;
		case FASTSOCK_TICKET_KEYS_GENERATED:
			where = shared ? "made by fastsock, shared by the processes forked after startup"
				: "made by fastsock, each process its own";
			break;
		default:
			snprintf(buf, len, "none: fastsock.tls_ticket_key_file has no usable keys");
			return;
	}
	snprintf(buf, len, "%s%s", where, dumpable ? "; not kept out of core dumps" : "");
}
