#!/usr/bin/env python3
"""Runs a server in a private network namespace and forwards host ports into it (stdlib only).

    netns-forward.py --pidfile F --log L --host 127.0.0.1 --map 11389:389 [--map ...] -- CMD ARGS...

Used by scripts/samba-ad.sh: Samba's AD LDAP server has fixed ports (389, 636, 3268, 3269). This
supervisor (run as root) first binds the host-side listeners (HOST:11389, ...), then moves itself
into a new network namespace (unshare(CLONE_NEWNET)), brings its loopback up and starts CMD there,
so CMD binds 127.0.0.1:389 of the private namespace and never collides with anything on the
machine. Every connection to HOST:hostport is relayed, byte for byte (TLS stays end to end), to
127.0.0.1:nsport inside the namespace.

Exit codes: 3 a host port is taken, 4 no network namespace (no CAP_SYS_ADMIN, e.g. an unprivileged
container), otherwise CMD's. SIGTERM/SIGINT stop CMD (SIGTERM, then SIGKILL after 20 s) and exit.
"""
import argparse
import ctypes
import fcntl
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

CLONE_NEWNET = 0x40000000
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1


def log(msg):
    print("netns-forward: " + msg, file=sys.stderr, flush=True)


def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s, how in ((dst, socket.SHUT_WR), (src, socket.SHUT_RD)):
            try:
                s.shutdown(how)
            except OSError:
                pass


def relay(client, ns_port):
    try:
        upstream = socket.create_connection(("127.0.0.1", ns_port), timeout=10)
        upstream.settimeout(None)
    except OSError as e:
        log("connect to namespace port %d failed: %s" % (ns_port, e))
        client.close()
        return
    for s in (client, upstream):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    t = threading.Thread(target=pump, args=(upstream, client), daemon=True)
    t.start()
    pump(client, upstream)
    t.join()
    client.close()
    upstream.close()


def serve(listener, ns_port):
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=relay, args=(client, ns_port), daemon=True).start()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pidfile", required=True)
    ap.add_argument("--log", required=True, help="file for CMD's stdout and stderr")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--map", action="append", required=True, help="HOSTPORT:NSPORT")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")

    listeners = []
    for m in a.map:
        host_port, ns_port = (int(x) for x in m.split(":"))
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((a.host, host_port))
        except OSError as e:
            log("cannot listen on %s:%d: %s" % (a.host, host_port, e))
            sys.exit(3)
        s.listen(128)
        listeners.append((s, ns_port))

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        log("unshare(CLONE_NEWNET) failed: %s" % os.strerror(ctypes.get_errno()))
        sys.exit(4)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        ifr = struct.pack("16sH22x", b"lo", 0)
        flags = struct.unpack("16sH22x", fcntl.ioctl(s, SIOCGIFFLAGS, ifr))[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | IFF_UP))

    with open(a.log, "ab") as out:
        child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    with open(a.pidfile + ".tmp", "w") as f:
        f.write("%d\n" % os.getpid())
    os.replace(a.pidfile + ".tmp", a.pidfile)

    stopping = threading.Event()

    def on_signal(signum, frame):
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    for s, ns_port in listeners:
        threading.Thread(target=serve, args=(s, ns_port), daemon=True).start()

    while child.poll() is None and not stopping.is_set():
        stopping.wait(0.5)
    for s, _ in listeners:
        s.close()
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(20)
        except subprocess.TimeoutExpired:
            log("command did not stop within 20 s, killing it")
            child.kill()
            child.wait()
    try:
        os.unlink(a.pidfile)
    except OSError:
        pass
    sys.exit(0 if stopping.is_set() else (child.returncode or 0))


if __name__ == "__main__":
    main()
