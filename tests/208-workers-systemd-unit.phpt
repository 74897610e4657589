--TEST--
workers: examples/server@.service is a unit systemd-analyze verify accepts without a word, and it runs the script with fastsock.reuseport=1, a high LimitNOFILE, Restart=on-failure and the hardening the README names
--SKIPIF--
<?php
if (trim((string) shell_exec('command -v systemd-analyze 2>/dev/null')) === '') die('skip needs systemd-analyze (Debian: systemd)');
if (!is_executable('/usr/bin/php')) die('skip the unit runs /usr/bin/php, which is not here: verify would say so');
?>
--FILE--
<?php
$unit = dirname(__DIR__) . '/examples/server@.service';
exec('systemd-analyze verify --man=no ' . escapeshellarg($unit) . ' 2>&1', $out, $rc);
echo "systemd-analyze verify: exit $rc, ", $out ? "said:\n" . implode("\n", $out) . "\n" : "nothing to say\n";

/* [Section] Key=value, comments skipped: the settings as systemd reads them. */
$settings = [];
$section = '';
foreach (file($unit, FILE_IGNORE_NEW_LINES) as $line) {
	if (preg_match('/^\[(\w+)\]$/', $line, $m)) {
		$section = $m[1];
	} elseif (preg_match('/^(\w+)=(.*)$/', $line, $m)) {
		$settings["$section.$m[1]"] = $m[2];
	}
}
foreach (['Service.ExecStart', 'Service.Environment', 'Service.Restart', 'Service.NoNewPrivileges',
		'Service.PrivateTmp', 'Install.WantedBy'] as $key) {
	echo "$key=", $settings[$key] ?? '(missing)', "\n";
}
var_dump((int) ($settings['Service.LimitNOFILE'] ?? 0) >= 65536);
?>
--EXPECT--
systemd-analyze verify: exit 0, nothing to say
Service.ExecStart=/usr/bin/php -d fastsock.reuseport=1 /srv/app/server.php
Service.Environment=WORKER=%i
Service.Restart=on-failure
Service.NoNewPrivileges=yes
Service.PrivateTmp=yes
Install.WantedBy=multi-user.target
bool(true)
