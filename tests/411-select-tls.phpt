--TEST--
select: TLS streams select as in stock, data the TLS layer already decrypted included
--SKIPIF--
<?php
require __DIR__ . '/fixtures/select.inc';
select_skipif();
if (!extension_loaded('openssl')) die('skip needs openssl');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
    $cert = openssl_csr_sign(openssl_csr_new(['commonName' => 'localhost'], $key), null, $key, 1);
    openssl_x509_export($cert, $pem_cert);
    openssl_pkey_export($key, $pem_key);
    $pem = tempnam(sys_get_temp_dir(), 'fastsock-select');
    file_put_contents($pem, $pem_cert . $pem_key);

    $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
        stream_context_create(['ssl' => ['local_cert' => $pem]]));
    $client_code = '
        $c = stream_socket_client("tls://" . $argv[1], $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
            stream_context_create(["ssl" => ["verify_peer" => false, "verify_peer_name" => false]]));
        fwrite($c, "one\ntwo\nthree\n");
        fgets($c);
    ';
    $proc = proc_open([PHP_BINARY, '-n', '-r', $client_code, stream_socket_get_name($server, false)],
        [['pipe', 'r'], ['pipe', 'w'], ['pipe', 'w']], $pipes);
    $conn = select_named('tls conn', stream_socket_accept($server, 5));
    var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));

    $n = null;
    $r = [$conn];
    select_show('waiting for the client\'s record', stream_select($r, $n, $n, 5));
    for ($line = 1; $line <= 3; $line++) {
        $r = [$conn];
        $w = [$conn];
        select_show("select before line $line", stream_select($r, $w, $n, 5));
        select_show('  read', $r);
        select_show('  write', $w);
        echo '  fgets: ', fgets($conn);
    }
    fwrite($conn, "bye\n");
    $r = [$conn];
    select_show('client gone', stream_select($r, $n, $n, 5));
    select_show('  eof', fread($conn, 10) === '' && feof($conn));
    proc_close($proc);
    unlink($pem);
});
?>
--EXPECT--
same
bool(true)
waiting for the client's record: 1
select before line 1: 2
  read: [0=>tls conn]
  write: [0=>tls conn]
  fgets: one
select before line 2: 1
  read: [0=>tls conn]
  write: []
  fgets: two
select before line 3: 1
  read: [0=>tls conn]
  write: []
  fgets: three
client gone: 1
  eof: true
