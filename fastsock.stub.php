<?php

/** @generate-function-entries */

/**
 * The effective settings of a stream served by fastsock, and what the
 * kernel granted for them (read back with getsockopt).
 *
 * @param resource $stream
 */
function fastsock_info($stream): array|false {}

/** Process-wide counters: servers created, connections accepted, accept errors. */
function fastsock_stats(): array {}
