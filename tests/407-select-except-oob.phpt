--TEST--
select: urgent (out-of-band) TCP data makes a stream ready in the except array (POLLPRI)
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
    $conn = select_named('conn', stream_socket_accept($server));

    $r = [$conn]; $n = null; $e = [$conn];
    select_show('nothing sent', stream_select($r, $n, $e, 0));
    select_show('  except', $e);

    stream_socket_sendto($client, '!', STREAM_OOB);
    $e = ['urgent' => $conn];
    select_show('urgent byte sent, except only', stream_select($n, $n, $e, 5));
    select_show('  except', $e);

    $r = [$conn]; $e = [$conn];
    select_show('urgent byte pending, read and except', stream_select($r, $n, $e, 0));
    select_show('  read', $r);
    select_show('  except', $e);
    select_show('  the byte', stream_socket_recvfrom($conn, 1, STREAM_OOB));

    fwrite($client, 'inline');
    $r = [$conn];
    select_show('ordinary data', stream_select($r, $n, $n, 5));
    $r = [$conn]; $e = [$conn];
    select_show('ordinary data, read and except', stream_select($r, $n, $e, 0));
    select_show('  read', $r);
    select_show('  except', $e);
});
?>
--EXPECT--
same
nothing sent: 0
  except: []
urgent byte sent, except only: 1
  except: ['urgent'=>conn]
urgent byte pending, read and except: 1
  read: []
  except: [0=>conn]
  the byte: '!'
ordinary data: 1
ordinary data, read and except: 1
  read: [0=>conn]
  except: []
