"""bench/serve/slow.py PORT N SECONDS: N clients on 127.0.0.1:PORT, each
sending one byte of a request a second (a slowloris), for SECONDS; prints
how many connections the server had closed at the end."""
import socket
import sys
import time

port, n, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    socks.append(s)
end = time.time() + seconds
i = 0
closed = 0
while time.time() < end:
    for s in list(socks):
        try:
            s.send(request[i % len(request):i % len(request) + 1])
        except OSError:
            socks.remove(s)
            closed += 1
    i += 1
    time.sleep(1)
print(f"slow clients: {n} opened, {closed} closed by the server in {seconds:.0f} s")
