#!/usr/bin/env python3
"""Linux-side helpers of the image network tests, run inside the test's namespace.

echo HOST PORT N SEED
    Connects, sends N pseudo-random bytes while receiving the echo, half-closes, reads to EOF;
    prints "echo SENT SHA256_SENT RECEIVED SHA256_RECEIVED SECONDS".
relay VM_TAP CLIENT_TAP LOSS_PERCENT REORDER_PERCENT DELAY_MS SEED
    A lossy, reordering wire between two existing taps: frames the VM sends on VM_TAP (read with
    an AF_PACKET socket on its Linux side) go out of CLIENT_TAP's file descriptor to Linux, and
    frames Linux sends on CLIENT_TAP go to the VM through the AF_PACKET socket. Each frame is
    dropped with LOSS_PERCENT and held back DELAY_MS with REORDER_PERCENT, in both directions.
    Prints "relay ready" once both ends are open, and counters when it ends (SIGTERM).
"""
import fcntl, hashlib, heapq, os, random, select, signal, socket, struct, sys, threading, time

def send_all(s, data):
    """socket.sendall's timeout bounds the whole call (Python 3.5 on), not a wait: a transfer that
    takes longer than the timeout fails while it progresses. Here the timeout bounds each wait
    for room in the socket's buffer, i.e. it fires only when the peer stops taking data."""
    view = memoryview(data)
    while view:
        view = view[s.send(view[:1 << 20]):]

def echo(host, port, n, seed):
    data = random.Random(seed).randbytes(n)
    s = socket.create_connection((host, port), timeout=300)
    t = time.time()
    failed = []
    def send():
        try:
            send_all(s, data)
            s.shutdown(socket.SHUT_WR)
        except OSError as e:
            failed.append(e)
            try:
                s.shutdown(socket.SHUT_RDWR)  # the receiving side must not wait for an echo that cannot come
            except OSError:
                pass
    th = threading.Thread(target=send)
    th.start()
    h, got = hashlib.sha256(), 0
    while True:
        b = s.recv(1 << 20)
        if not b:
            break
        h.update(b)
        got += len(b)
    th.join()
    if failed:
        sys.exit("echo: sending failed after %.1f s, %d bytes echoed: %r" % (time.time() - t, got, failed[0]))
    print("echo", n, hashlib.sha256(data).hexdigest(), got, h.hexdigest(), "%.3f" % (time.time() - t), flush=True)

TUNSETIFF, IFF_TAP, IFF_NO_PI = 0x400454ca, 0x0002, 0x1000
PACKET_OUTGOING = 4

def relay(vm_tap, client_tap, loss, reorder, delay_ms, seed):
    r = random.Random(seed)
    pkt = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
    pkt.bind((vm_tap, 0))
    tap = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(tap, TUNSETIFF, struct.pack("16sH", client_tap.encode(), IFF_TAP | IFF_NO_PI))
    held = []  # (release time, sequence, to_vm, frame)
    seq = 0
    count = {"to_vm": 0, "to_linux": 0, "dropped": 0, "reordered": 0}
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    print("relay ready", flush=True)

    def deliver(to_vm, frame):
        try:
            if to_vm:
                pkt.send(frame)
                count["to_vm"] += 1
            else:
                os.write(tap, frame)
                count["to_linux"] += 1
        except OSError:
            count["dropped"] += 1

    def forward(to_vm, frame):
        nonlocal seq
        x = r.random() * 100
        if x < loss:
            count["dropped"] += 1
        elif x < loss + reorder:
            seq += 1
            count["reordered"] += 1
            heapq.heappush(held, (time.monotonic() + delay_ms / 1000.0, seq, to_vm, frame))
        else:
            deliver(to_vm, frame)

    while not stop:
        timeout = 0.2
        if held:
            timeout = max(0.0, held[0][0] - time.monotonic())
        try:
            ready, _, _ = select.select([pkt, tap], [], [], timeout)
        except InterruptedError:
            continue
        if pkt in ready:
            for _ in range(64):
                try:
                    frame, addr = pkt.recvfrom(65536, socket.MSG_DONTWAIT)
                except BlockingIOError:
                    break
                if addr[2] != PACKET_OUTGOING:  # only what the VM sent, not what we sent it
                    forward(False, frame)
        if tap in ready:
            for _ in range(64):
                try:
                    frame = os.read(tap, 65536)
                except BlockingIOError:
                    break
                forward(True, frame)
                if not select.select([tap], [], [], 0)[0]:
                    break
        now = time.monotonic()
        while held and held[0][0] <= now:
            _, _, to_vm, frame = heapq.heappop(held)
            deliver(to_vm, frame)
    print("relay", " ".join("%s=%d" % kv for kv in count.items()), flush=True)

def main():
    mode = sys.argv[1]
    if mode == "echo":
        echo(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif mode == "relay":
        relay(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]))
    else:
        sys.exit("unknown mode " + mode)

main()
