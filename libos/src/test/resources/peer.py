#!/usr/bin/env python3
"""The Linux side of the tap tests: runs inside the test's network namespace, talks to the
Kiln stack with the kernel's own TCP/UDP, and prints what it measured on one line."""
import hashlib, random, socket, sys, time

def data(n, seed):
    return random.Random(seed).randbytes(n)

def recv_all(s):
    h, n = hashlib.sha256(), 0
    while True:
        b = s.recv(1 << 20)
        if not b:
            return n, h.hexdigest()
        h.update(b)
        n += len(b)

def main():
    mode = sys.argv[1]
    if mode == "send":            # connect to the stack and send N bytes
        host, port, n, seed = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        d = data(n, seed)
        s = socket.create_connection((host, port), timeout=150)
        t = time.time()
        s.sendall(d)
        s.shutdown(socket.SHUT_WR)
        recv_all(s)               # wait for the stack to close: everything arrived
        print("sent", n, hashlib.sha256(d).hexdigest(), "%.3f" % (time.time() - t))
    elif mode == "recv":          # connect to the stack and receive until EOF
        host, port = sys.argv[2], int(sys.argv[3])
        s = socket.create_connection((host, port), timeout=150)
        t = time.time()
        n, h = recv_all(s)
        print("received", n, h, "%.3f" % (time.time() - t))
    elif mode == "serve-recv":    # accept one connection from the stack, receive until EOF
        port = int(sys.argv[2])
        l = socket.socket()
        l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        l.bind(("0.0.0.0", port))
        l.listen(1)
        l.settimeout(150)
        s, _ = l.accept()
        s.settimeout(150)
        t = time.time()
        n, h = recv_all(s)
        s.close()
        print("received", n, h, "%.3f" % (time.time() - t))
    elif mode == "serve-send":    # accept one connection from the stack, send N bytes, close
        port, n, seed = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        d = data(n, seed)
        l = socket.socket()
        l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        l.bind(("0.0.0.0", port))
        l.listen(1)
        l.settimeout(150)
        s, _ = l.accept()
        s.settimeout(150)
        t = time.time()
        s.sendall(d)
        s.close()
        print("sent", n, hashlib.sha256(d).hexdigest(), "%.3f" % (time.time() - t))
    elif mode == "udp":           # datagrams to the stack's echo port, each must come back
        host, port, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(2)
        ok = 0
        for i in range(count):
            msg = ("datagram %d " % i).encode() * (1 + i % 50)
            for attempt in range(3):
                s.sendto(msg, (host, port))
                try:
                    back, _ = s.recvfrom(65536)
                except socket.timeout:
                    continue
                if back == msg:
                    ok += 1
                    break
        print("echoed", ok, "of", count)
    elif mode == "refused":       # connecting to a closed port must be refused (RST)
        host, port = sys.argv[2], int(sys.argv[3])
        try:
            socket.create_connection((host, port), timeout=5)
            print("connected")
        except ConnectionRefusedError:
            print("refused")
        except OSError as e:
            print("error", e)
    else:
        sys.exit("unknown mode " + mode)

main()
