--TEST--
activation: examples/server.socket + server.service and server-workers.socket + server-worker@.service are units systemd-analyze verify accepts without a word; the service is Type=notify with fastsock.graceful_stop=1, the workers share the one socket (Sockets=)
--SKIPIF--
<?php
if (trim((string) shell_exec('command -v systemd-analyze 2>/dev/null')) === '') die('skip needs systemd-analyze (Debian: systemd)');
if (!is_executable('/usr/bin/php')) die('skip the units run /usr/bin/php, which is not here: verify would say so');
?>
--FILE--
<?php
$dir = dirname(__DIR__) . '/examples';

/* [Section] Key=value, comments skipped: the settings as systemd reads them. */
function settings(string $unit): array
{
	$settings = [];
	$section = '';
	foreach (file($unit, FILE_IGNORE_NEW_LINES) as $line) {
		if (preg_match('/^\[(\w+)\]$/', $line, $m)) {
			$section = $m[1];
		} elseif (preg_match('/^(\w+)=(.*)$/', $line, $m)) {
			$settings["$section.$m[1]"] = $m[2];
		}
	}
	return $settings;
}

foreach ([['server.socket', 'server.service'], ['server-workers.socket', 'server-worker@.service']] as $units) {
	echo '--- ', implode(' + ', $units), "\n";
	$paths = array_map(fn ($u) => escapeshellarg("$dir/$u"), $units);
	$out = [];
	exec('systemd-analyze verify --man=no ' . implode(' ', $paths) . ' 2>&1', $out, $rc);
	echo "systemd-analyze verify: exit $rc, ", $out ? "said:\n" . implode("\n", $out) . "\n" : "nothing to say\n";
	$socket = settings("$dir/$units[0]");
	$service = settings("$dir/$units[1]");
	foreach (['Socket.ListenStream', 'Socket.Service', 'Install.WantedBy'] as $key) {
		echo "$key=", $socket[$key] ?? '(none)', "\n";
	}
	foreach (['Unit.Requires', 'Service.Type', 'Service.Sockets', 'Service.ExecStart', 'Service.TimeoutStopSec'] as $key) {
		echo "$key=", $service[$key] ?? '(none)', "\n";
	}
}
?>
--EXPECT--
--- server.socket + server.service
systemd-analyze verify: exit 0, nothing to say
Socket.ListenStream=0.0.0.0:8000
Socket.Service=(none)
Install.WantedBy=sockets.target
Unit.Requires=server.socket
Service.Type=notify
Service.Sockets=(none)
Service.ExecStart=/usr/bin/php -d fastsock.graceful_stop=1 /srv/app/server.php
Service.TimeoutStopSec=30
--- server-workers.socket + server-worker@.service
systemd-analyze verify: exit 0, nothing to say
Socket.ListenStream=0.0.0.0:8000
Socket.Service=server-worker@1.service
Install.WantedBy=sockets.target
Unit.Requires=server-workers.socket
Service.Type=notify
Service.Sockets=server-workers.socket
Service.ExecStart=/usr/bin/php -d fastsock.graceful_stop=1 /srv/app/server.php
Service.TimeoutStopSec=30
