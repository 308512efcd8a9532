#!/usr/bin/env python3
"""The Linux side of the tap tests: runs inside the test's network namespace, talks to the
Kiln stack with the kernel's own TCP/UDP, and prints what it measured on one line."""
import hashlib, random, socket, sys, time

def data(n, seed):
    return random.Random(seed).randbytes(n)

def send_all(s, data):
    """socket.sendall's timeout bounds the whole call (Python 3.5 on), not a wait: a transfer that
    takes longer than the timeout fails while it progresses. Here the timeout bounds each wait
    for room in the socket's buffer, i.e. it fires only when the peer stops taking data."""
    view = memoryview(data)
    while view:
        view = view[s.send(view[:1 << 20]):]

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
        send_all(s, d)
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
        send_all(s, d)
        s.close()
        print("sent", n, hashlib.sha256(d).hexdigest(), "%.3f" % (time.time() - t))
    elif mode == "udp":           # datagrams to the stack's echo port, each must come back
        host, port, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        # A datagram is sent again after 2 s without its echo (UDP may drop one); a late echo
        # of an earlier one is skipped; 60 s without its echo gives up on a datagram.
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        ok = 0
        for i in range(count):
            msg = ("datagram %d " % i).encode() * (1 + i % 50)
            give_up = time.monotonic() + 60
            while time.monotonic() < give_up:
                s.sendto(msg, (host, port))
                resend = time.monotonic() + 2
                back = None
                while back != msg and time.monotonic() < resend:
                    s.settimeout(max(0.01, resend - time.monotonic()))
                    try:
                        back, _ = s.recvfrom(65536)
                    except socket.timeout:
                        break
                if back == msg:
                    ok += 1
                    break
        print("echoed", ok, "of", count)
    elif mode == "refused":       # connecting to a closed port must be refused (RST)
        host, port = sys.argv[2], int(sys.argv[3])
        try:
            socket.create_connection((host, port), timeout=60)
            print("connected")
        except ConnectionRefusedError:
            print("refused")
        except OSError as e:
            print("error", e)
    elif mode == "fuzz":          # malformed frames straight onto the tap (AF_PACKET)
        iface, dst_mac, src_ip, dst_ip = sys.argv[2], bytes.fromhex(sys.argv[3].replace(":", "")), sys.argv[4], sys.argv[5]
        count, seed = int(sys.argv[6]), int(sys.argv[7])
        fuzz(iface, dst_mac, socket.inet_aton(src_ip), socket.inet_aton(dst_ip), count, seed)
    else:
        sys.exit("unknown mode " + mode)

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def fuzz(iface, dst_mac, src, dst, count, seed):
    r = random.Random(seed)
    src_mac = bytes.fromhex(open("/sys/class/net/%s/address" % iface).read().strip().replace(":", ""))
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    eth = dst_mac + src_mac
    edges = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe]
    def rnd32():
        return r.choice(edges) if r.random() < 0.5 else r.getrandbits(32)
    sent = 0
    for i in range(count):
        kind = r.randrange(7)
        if kind == 0:      # noise, sometimes typed as IPv4 or ARP
            body = bytes(r.getrandbits(8) for _ in range(r.randrange(0, 200)))
            f = eth + r.choice([b"\x08\x00", b"\x08\x06", bytes(r.getrandbits(8) for _ in range(2))]) + body
        elif kind in (1, 2, 3):  # TCP to the stack: any flags, edge seq/ack/window, options
            sport, dport = r.choice([r.randrange(1, 65536), 40000]), r.choice([80, 80, r.randrange(0, 65536)])
            opts = bytes(r.getrandbits(8) for _ in range(4 * r.randrange(0, 4)))
            payload = bytes(r.getrandbits(8) for _ in range(r.choice([0, 0, 1, r.randrange(0, 1400)])))
            off = (20 + len(opts)) // 4
            if r.random() < 0.1:
                off = r.randrange(0, 16)
            tcp = (sport.to_bytes(2, "big") + dport.to_bytes(2, "big") + rnd32().to_bytes(4, "big")
                   + rnd32().to_bytes(4, "big") + bytes([off << 4, r.getrandbits(8)])
                   + r.choice([0, 1, 65535, r.randrange(65536)]).to_bytes(2, "big") + b"\0\0\0\0" + opts + payload)
            ph = src + dst + b"\0\x06" + len(tcp).to_bytes(2, "big")
            c = csum(ph + tcp) if kind != 3 else r.getrandbits(16)
            tcp = tcp[:16] + c.to_bytes(2, "big") + tcp[18:]
            f = eth + b"\x08\x00" + ip(src, dst, 6, tcp, r) + tcp
        elif kind == 4:    # IPv4 headers with bad fields: lengths, IHL, fragments, checksums
            body = bytes(r.getrandbits(8) for _ in range(r.randrange(0, 100)))
            h = bytearray(ip(src, dst, r.choice([1, 6, 17, r.randrange(256)]), body, r))
            field = r.randrange(5)
            if field == 0: h[0] = r.getrandbits(8)
            if field == 1: h[2:4] = r.getrandbits(16).to_bytes(2, "big")
            if field == 2: h[6:8] = r.getrandbits(16).to_bytes(2, "big")
            if field == 3: h[10:12] = r.getrandbits(16).to_bytes(2, "big")
            if field == 4: h[8] = 0
            if field != 3:
                h[10:12] = b"\0\0"
                h[10:12] = csum(bytes(h[:20])).to_bytes(2, "big")
            f = eth + b"\x08\x00" + bytes(h) + body
        elif kind == 5:    # truncated anything
            tcp = bytes(r.getrandbits(8) for _ in range(40))
            f = (eth + b"\x08\x00" + ip(src, dst, 6, tcp, r) + tcp)[:r.randrange(0, 74)]
        else:              # ARP with random contents, some claiming the stack's address
            arp = (b"\0\x01\x08\x00\x06\x04" + r.choice([1, 2, r.randrange(65536)]).to_bytes(2, "big") + src_mac
                   + r.choice([src, dst, bytes(r.getrandbits(8) for _ in range(4))]) + bytes(6) + dst)
            f = eth + b"\x08\x06" + arp[:r.randrange(0, 29)]
        try:
            s.send(f)
            sent += 1
        except OSError:
            pass
    print("fuzzed", sent)

def ip(src, dst, proto, payload, r):
    h = bytearray(b"\x45\0" + (20 + len(payload)).to_bytes(2, "big") + r.getrandbits(16).to_bytes(2, "big")
                  + b"\x40\0\x40" + bytes([proto]) + b"\0\0" + src + dst)
    h[10:12] = csum(bytes(h)).to_bytes(2, "big")
    return bytes(h)


main()
