#!/usr/bin/env python3
"""Creates memory streams BENCH_<FROM>..BENCH_<TO - 1> (subjects bench.<N>) on
the nats-server at 127.0.0.1:PORT, fast: over the raw protocol, published back
to back, with one PING at the end to know the server has read them all.

usage: python3 bench/add_streams.py PORT FROM TO
"""
import json
import socket
import sys

port, first, end = (int(arg) for arg in sys.argv[1:4])
s = socket.create_connection(("127.0.0.1", port))
s.recv(4096)
s.sendall(b'CONNECT {"verbose":false}\r\n')
for i in range(first, end):
    name = "BENCH_%05d" % i
    body = json.dumps({"name": name, "subjects": ["bench.%d" % i], "storage": "memory"}).encode()
    s.sendall(b"PUB $JS.API.STREAM.CREATE.%s %d\r\n%s\r\n" % (name.encode(), len(body), body))
s.sendall(b"PING\r\n")
buf = b""
while b"PONG" not in buf:
    buf += s.recv(65536)
