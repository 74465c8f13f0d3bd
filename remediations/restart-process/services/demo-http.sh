#!/usr/bin/env bash
# demo-http: a tiny HTTP responder that answers every request with "200 OK" and the body "ok".
# Contract for every service script in this folder: start.sh runs its text with `bash -c` in a
# clean environment holding PATH, HOME, LANG, TMPDIR, SERVICE_HOST and SERVICE_PORT; it must run
# the service in the foreground (exec, so the pid stays the same), listening on
# SERVICE_HOST:SERVICE_PORT. It must not read other files of this remediation.
# Needs python3 or perl (DEMO_HTTP_RUNTIME: auto tries python3, then perl).
set -euo pipefail

host="${SERVICE_HOST:?SERVICE_HOST is not set}"
port="${SERVICE_PORT:?SERVICE_PORT is not set}"
runtime="${DEMO_HTTP_RUNTIME:-auto}"

read -r -d '' python_src <<'PY' || true
import signal, socket, sys

host, port = sys.argv[2], int(sys.argv[3])
family, kind, proto, _, address = socket.getaddrinfo(
    host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
server = socket.socket(family, kind, proto)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(address)
server.listen(16)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
reply = (b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
         b"Connection: close\r\n\r\nok\n")
while True:
    conn, _ = server.accept()
    try:
        conn.settimeout(5)
        request = b""
        while b"\n\r\n" not in request and b"\n\n" not in request and len(request) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            request += chunk
        conn.sendall(reply)
    except OSError:
        pass
    finally:
        conn.close()
PY

read -r -d '' perl_src <<'PL' || true
use strict;
use warnings;
my ($host, $port) = @ARGV[1, 2];
my $class = eval { require IO::Socket::IP; 'IO::Socket::IP' }
  || do { require IO::Socket::INET; 'IO::Socket::INET' };
my $server = $class->new(LocalHost => $host, LocalPort => $port, Proto => 'tcp',
                         Listen => 16, ReuseAddr => 1)
  or die "cannot listen on $host:$port: $@\n";
$SIG{TERM} = sub { exit 0 };
$SIG{PIPE} = 'IGNORE';
my $reply = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
  . "Connection: close\r\n\r\nok\n";
while (1) {
  my $conn = $server->accept or next;
  eval {
    local $SIG{ALRM} = sub { die "timeout\n" };
    alarm 5;
    my $request = '';
    while ($request !~ /\n\r?\n/ && length($request) < 65536) {
      my $n = sysread($conn, my $chunk, 4096);
      last unless $n;
      $request .= $chunk;
    }
    alarm 0;
    syswrite($conn, $reply);
  };
  alarm 0;
  close $conn;
}
PL

if [ "$runtime" = auto ]; then
  if command -v python3 >/dev/null 2>&1; then runtime=python3; else runtime=perl; fi
fi
case "$runtime" in
  python3) exec python3 -c "$python_src" remediate-demo-http "$host" "$port" ;;
  perl) exec perl -e "$perl_src" remediate-demo-http "$host" "$port" ;;
  *)
    printf 'demo-http: DEMO_HTTP_RUNTIME must be auto, python3 or perl, got %s\n' "$runtime" >&2
    exit 2
    ;;
esac
