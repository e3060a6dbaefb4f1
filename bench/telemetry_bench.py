#!/usr/bin/env python3
"""Measuring half of bench/telemetry.sh: route files, BIRD's control socket, receiver polling, timing.

Subcommands (each prints one JSON object on stdout when it measures something):
  routes FILE COUNT FIRST            BIRD static routes: COUNT /24s upwards from the address FIRST
  wait-table CTL COUNT TIMEOUT       until the BIRD at CTL holds COUNT IPv4 routes in master4
  full ...                           enable the sender's BGP protocol, time Established -> all routes held
  churn ...                          toggle a static protocol on the sender, time each toggle at the receiver
Standard library only; no third-party modules.
"""

import argparse
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import http.client
import urllib.parse
from datetime import datetime


class BirdCtl:
    """One connection to a BIRD control socket (what birdc does, without a process per command)."""

    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = b""
        self._reply()  # the greeting: "0001 BIRD 2.0.12 ready."

    def _line(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("BIRD closed its control socket")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def _reply(self):
        lines = []
        while True:
            line = self._line()
            lines.append(line)
            # "NNNN-text" continues, " text" continues the previous code, "NNNN text" ends the reply
            if re.match(r"^\d{4} ", line):
                return lines

    def cmd(self, text):
        self.sock.sendall(text.encode() + b"\n")
        return self._reply()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Periodic(threading.Thread):
    """A daemon thread that calls tick() every {interval} seconds on a fixed schedule until stop()."""

    def __init__(self, interval):
        super().__init__(daemon=True)
        self.interval = interval
        self.stopping = threading.Event()

    def run(self):
        nxt = time.monotonic()
        while not self.stopping.is_set():
            self.tick()
            nxt += self.interval
            delay = nxt - time.monotonic()
            if delay > 0:
                self.stopping.wait(delay)
            else:
                nxt = time.monotonic()

    def stop(self):
        self.stopping.set()
        self.join(5)


class StreamLag(Periodic):
    """The processing lag of the sender's byte stream, from the kernel's own counters, the same for every receiver:
    every 10 ms one sock_diag dump (netlink, no process) gives, for the BGP connection to {port},
      W = bytes the sender application has written (its bytes acknowledged + its send queue) and
      R = bytes the receiver application has read (its bytes received - its receive queue).
    A byte's lag is the time from the sender writing it to the receiver reading it: for a sample at t,
    t - W^-1(R(t)), W interpolated between samples. Every receiver here handles what it reads before it reads more
    (telemetry-service applies each read on its event loop before the next), so reading is processing, to within one
    read (64 KB, about a thousand UPDATEs). Unlike the convergence lag, this leaves out the sender's own time to
    generate a toggle's UPDATEs, which the receiver cannot shorten. Samples are weighted by the bytes read since the
    previous one, so the percentiles are per byte, close to per UPDATE."""

    def __init__(self, port, interval=0.010):
        super().__init__(interval)
        self.port = port
        self.samples = []  # (time, W, R)
        self.measuring = False
        self.lock = threading.Lock()
        self.netlink = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, 4)  # NETLINK_SOCK_DIAG
        self.netlink_lock = threading.Lock()
        self.sockets = None  # role -> (family, inet_diag_sockid) once found
        self.values = {}

    def dump(self):
        """(W, R) of the connection to {port}, or None when it is not established. A dump of every TCP socket costs
        the kernel about 2 ms (it walks the whole connection hash), so the two sockets are found once and then asked
        for by their exact identity (tens of microseconds). One request at a time on the netlink socket."""
        with self.netlink_lock:
            return self.dump_locked()

    def dump_locked(self):
        if self.sockets is None:
            self.sockets = {}
            # BIRD's sockets are IPv4 ones; a JVM's listener is an IPv6 socket that takes IPv4 (mapped) connections
            for family in (socket.AF_INET, socket.AF_INET6):
                self.query(family, bytes(48), True)
        if len(self.sockets) < 2:
            self.sockets = None
            return None
        for family, sockid in list(self.sockets.values()):
            if not self.query(family, sockid, False):
                self.sockets = None
                return None
        return self.values["sent"], self.values["received"]

    def query(self, family, sockid, dump):
        """One sock_diag request (a dump, or one socket by its identity); records what it finds; False if nothing."""
        sk = self.netlink
        # inet_diag_req_v2: the family, TCP, INET_DIAG_INFO wanted, states = ESTABLISHED, the socket's identity
        req = struct.pack("=BBBxI", family, socket.IPPROTO_TCP, 1 << (2 - 1), 1 << 1) + sockid
        flags = 0x301 if dump else 0x1  # NLM_F_REQUEST, with NLM_F_DUMP for a dump
        sk.sendto(struct.pack("=IHHII", 16 + len(req), 20, flags, 1, 0) + req, (0, 0))
        found = False
        while True:
            data = sk.recv(65536)
            off = 0
            while off + 16 <= len(data):
                length, kind = struct.unpack_from("=IH", data, off)
                if kind in (2, 3) or length < 16:  # NLMSG_ERROR, NLMSG_DONE
                    return found
                msg = off + 16
                sport, dport = struct.unpack_from("!HH", data, msg + 4)
                rqueue, wqueue = struct.unpack_from("=II", data, msg + 56)
                a = msg + 72
                while a + 4 <= off + length:
                    alen, atype = struct.unpack_from("=HH", data, a)
                    if alen < 4:
                        break
                    if atype == 2 and alen >= 4 + 136:  # INET_DIAG_INFO: struct tcp_info
                        acked, got = struct.unpack_from("=QQ", data, a + 4 + 120)  # tcpi_bytes_acked, _received
                        role = "sent" if dport == self.port else "received" if sport == self.port else None
                        if role:
                            self.values[role] = acked + wqueue if role == "sent" else got - rqueue
                            self.sockets[role] = (data[msg], bytes(data[msg + 4:msg + 52]))
                            found = True
                    a += (alen + 3) & ~3
                off += (length + 3) & ~3
            if not dump:
                return found

    def tick(self):
        t = time.monotonic()
        try:
            wr = self.dump()
        except (OSError, struct.error, KeyError):
            with self.netlink_lock:
                self.sockets = None
            wr = None
        if wr is not None and self.measuring:
            with self.lock:
                self.samples.append((t, wr[0], wr[1]))

    def start_measuring(self):
        # the offset between the two counters (the SYN, the OPEN exchange) is taken where the stream is idle: the
        # smallest W - R seen
        idle = []
        for _ in range(20):
            wr = self.dump()
            if wr is not None:
                idle.append(wr[0] - wr[1])
            time.sleep(0.005)
        self.offset = min(idle) if idle else 0
        self.measuring = True

    def stop(self):
        self.measuring = False
        super().stop()

    def lags(self):
        """[(lag in seconds, bytes)]: the bytes read between two samples, each with the time from its writing (W
        interpolated) to the sample that saw it read (an upper bound: the read happened within the 10 ms before)."""
        with self.lock:
            xs = list(self.samples)
        if not xs:
            return []
        # W - R is the offset where the stream is idle (the SYN counts in W), and never below it
        offset = min([self.offset] + [w - r for _, w, r in xs])
        out = []
        k = 1  # the W segment (xs[k - 1], xs[k]) where the next byte to place was written

        def written(pos):
            """When the sender wrote stream position {pos} (W interpolated; the first sample if before it)."""
            nonlocal k
            while k < len(xs) and xs[k][1] < pos:
                k += 1
            if k >= len(xs) or pos <= xs[0][1]:
                return xs[min(k, len(xs) - 1)][0] if pos > xs[0][1] else xs[0][0]
            (t0, w0, _), (t1, w1, _) = xs[k - 1], xs[k]
            return t1 if w1 == w0 else t0 + (t1 - t0) * (pos - w0) / (w1 - w0)

        for i in range(1, len(xs)):
            t, _, r = xs[i]
            lo, hi = xs[i - 1][2] + offset, r + offset
            if hi <= lo:
                continue
            # the bytes read since the last sample, in up to 8 slices, each with the time its middle was written
            slices = min(8, hi - lo)
            for n in range(slices):
                a = lo + (hi - lo) * n // slices
                b = lo + (hi - lo) * (n + 1) // slices
                out.append((max(0.0, t - written((a + b) / 2)), b - a))
        return out


def weighted_percentile(pairs, p):
    """The p-th percentile of values weighted by their counts: [(value, weight)]."""
    if not pairs:
        return None
    pairs = sorted(pairs)
    total = sum(w for _, w in pairs)
    acc = 0
    for v, w in pairs:
        acc += w
        if acc >= total * p / 100:
            return v
    return pairs[-1][0]


class KeepAwake(Periodic):
    """BGP-LAB.md: BIRD 2.0.12 holds back the tail of an export for up to 3 s unless its main loop is woken;
    'show status' on the control socket every 10 ms keeps it awake."""

    def __init__(self, ctl_path, interval=0.010):
        super().__init__(interval)
        self.ctl = BirdCtl(ctl_path)
        self.calls = 0

    def tick(self):
        self.ctl.cmd("show status")
        self.calls += 1
        self.ctl.close()


def postgres_cpu():
    """CPU seconds (utime + stime) of every running postgres process: the harness's database is the only one here."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        if stat[stat.index("(") + 1:stat.rindex(")")] != "postgres":
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])
    return total / tick


def thread_cpu(pid):
    """CPU seconds per thread name (utime + stime) of a process, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        cpu = (int(fields[11]) + int(fields[12])) / tick
        # group numbered pools (e.g. "vert.x-eventloo" per loop, "executor-thread") by their stem
        out[name] = out.get(name, 0.0) + cpu
    return out


def proc_status(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])  # kB
    except OSError:
        pass
    return None


# ---------------------------------------------------------------- receivers: poll() -> (established, ipv4 count, updates)

class Telemetry:
    name = "telemetry-service"

    def __init__(self, args):
        self.url = urllib.parse.urlsplit(args.metrics)
        self.log = args.log
        self.peer = args.peer
        self.conn = None

    def poll(self):
        # one kept-alive HTTP connection, as BIRD's control socket is one kept connection: a TCP connection per poll
        # (every 20 ms under churn) would cost the service an accept and a connection set-up each time
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=10)
        try:
            self.conn.request("GET", self.url.path)
            r = self.conn.getresponse()
            text = r.read().decode()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        if r.status != 200:
            raise OSError(f"{self.url.geturl()}: HTTP {r.status}")
        est, count, updates = False, 0, 0
        for line in text.splitlines():
            if not line.startswith("telemetry_session_") or f'peer="{self.peer}"' not in line:
                continue
            value = float(line.rsplit(" ", 1)[1])
            if line.startswith("telemetry_session_prefixes") and 'family="ipv4"' in line:
                count = int(value)
            elif line.startswith("telemetry_session_established"):
                est = value >= 1
            elif line.startswith("telemetry_session_updates_total"):
                updates = int(value)
        return est, count, updates

    def established_at(self):
        """The service's own log line (millisecond time stamp, local time), the last one for this peer."""
        at = None
        try:
            with open(self.log, errors="replace") as f:
                for line in f:
                    if f"BGP session {self.peer} " in line and " established " in line:
                        at = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f").timestamp()
        except (OSError, ValueError):
            pass
        return at


class Gobgp:
    name = "gobgpd"

    def __init__(self, args):
        self.cmd = ["gobgp", "-p", str(args.api_port), "neighbor", "-j"]
        self.peer = args.peer

    def poll(self):
        # 'gobgp neighbor -j' is cheap; never 'gobgp neighbor ADDR' or 'global rib summary' here (BGP-LAB.md)
        out = subprocess.run(self.cmd, capture_output=True, timeout=30, check=True).stdout
        for n in json.loads(out or b"[]"):
            if n.get("conf", {}).get("neighbor_address") != self.peer:
                continue
            st = n.get("state", {})
            count = 0
            for a in n.get("afi_safis", []):
                fam = a.get("state", {}).get("family", {})
                if fam.get("afi") == 1 and fam.get("safi") == 1:
                    count = int(a["state"].get("accepted", 0))
            updates = int(st.get("messages", {}).get("received", {}).get("update", 0))
            return st.get("session_state") == 6, count, updates
        return False, 0, 0

    def established_at(self):
        return None  # gobgp reports uptime in whole seconds: the harness's 10 ms poll is finer


class Bird:
    name = "bird2"

    def __init__(self, args):
        self.ctl = BirdCtl(args.ctl)
        self.proto = args.proto
        self.since = None

    def poll(self):
        lines = self.ctl.cmd(f"show protocols all {self.proto}")
        est, count, updates = False, 0, 0
        for line in lines:
            text = line[5:] if re.match(r"^\d{4}[- ]", line) else line
            if text.startswith(self.proto + " ") and "Established" in text:
                est = True
                m = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)", text)
                if m:
                    self.since = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
            m = re.search(r"Routes:\s+(\d+) imported", text)
            if m:
                count = int(m.group(1))
            m = re.search(r"Import updates:\s+(\d+)", text)
            if m:
                updates = int(m.group(1))  # routes, not messages: BIRD does not count UPDATE messages
        return est, count, updates

    def established_at(self):
        return self.since  # 'timeformat protocol' with milliseconds in the receiver's config


def receiver(args):
    return {"telemetry": Telemetry, "gobgp": Gobgp, "bird": Bird}[args.kind](args)


def poll_or_none(rx):
    """A poll that may fail without ending the measurement: a receiver deep in garbage collection does not answer
    within the 10 s timeout; the caller's own deadline decides when to give up."""
    try:
        return rx.poll()
    except (OSError, ValueError, subprocess.SubprocessError) as e:
        print(f"{rx.name}: poll failed: {e!r}", file=sys.stderr)
        return None


# ---------------------------------------------------------------- full table

def cmd_full(args):
    rx = receiver(args)
    sender = BirdCtl(args.sender_ctl)
    awake = KeepAwake(args.sender_ctl)
    gc_from = os.path.getsize(args.gc_log) if args.gc_log and os.path.exists(args.gc_log) else 0
    awake.start()
    t_enable = time.time()
    sender.cmd(f"enable {args.sender_proto}")
    deadline = t_enable + args.timeout
    # the session comes up within milliseconds of 'enable': poll finely until then
    while True:
        est, count, updates = poll_or_none(rx) or (False, 0, 0)
        if est:
            t_est_poll = time.time()
            break
        if time.time() > deadline:
            raise SystemExit(f"{rx.name}: no Established session within {args.timeout} s")
        time.sleep(0.010)
    cpu0 = thread_cpu(args.pid) if args.pid else {}
    db0 = postgres_cpu()
    samples = [(t_est_poll, count, updates)]
    polls, poll_time = 1, 0.0
    if args.idle_confirm and count < args.count:
        t_done, count, updates, confirms = wait_idle(rx, args, deadline)
        polls += confirms
        samples.append((t_done, count, updates))
    nxt = time.monotonic()
    while count < args.count:
        nxt += args.interval
        delay = nxt - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        t_poll = time.perf_counter()
        answer = poll_or_none(rx)
        poll_time += time.perf_counter() - t_poll
        polls += 1
        if answer is not None:
            est, count, updates = answer
            samples.append((time.time(), count, updates))
        if time.time() > deadline:
            awake.stop()
            raise SystemExit(f"{rx.name}: {count} of {args.count} routes after {args.timeout} s")
    t_done = samples[-1][0]
    cpu1 = thread_cpu(args.pid) if args.pid else {}
    db_cpu = round(postgres_cpu() - db0, 2)
    awake.stop()
    t_est = rx.established_at()
    est_source = "receiver" if t_est is not None else "poll"
    if t_est is None or abs(t_est - t_est_poll) > 5:
        t_est, est_source = t_est_poll, "poll"
    threads = sorted(((n, round(cpu1.get(n, 0) - cpu0.get(n, 0), 2)) for n in cpu1), key=lambda x: -x[1])
    result = {
        "receiver": rx.name,
        "routes": count,
        "seconds": round(t_done - t_est, 3),
        "enable_to_established": round(t_est - t_enable, 3),
        "established_from": est_source,
        "updates": updates,
        "polls": polls,
        # the count is read somewhere inside a poll; the time taken is its end (an upper bound)
        "poll_answer_ms": round(1000 * poll_time / max(polls - 1, 1), 1),
        "keepawake_calls": awake.calls,
        "cpu_seconds": round(sum(x[1] for x in threads), 2),
        "db_cpu_seconds": db_cpu,
        "threads": [t for t in threads if t[1] >= 0.05][:8],
        "rss_kb": proc_status(args.pid, "VmRSS") if args.pid else None,
        "hwm_kb": proc_status(args.pid, "VmHWM") if args.pid else None,
    }
    if args.gc_log:
        result["gc"] = gc_summary(args.gc_log, gc_from)
    print(json.dumps(result))
    sender.close()


def process_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(rx, args, deadline):
    """For a receiver whose counters cost it real work to read (gobgpd: even `gobgp neighbor -j` ten times a second
    made a 300 k transfer 60 % slower here): watch its CPU time every 100 ms, and once it has been idle for a second
    ask for the count. Returns the end of its last busy interval, i.e. when it had finished taking the table in."""
    last_busy = time.time()
    cpu = process_cpu(args.pid)
    confirms = 0
    while True:
        time.sleep(0.100)
        now, c = time.time(), process_cpu(args.pid)
        if c - cpu > 0.010:  # more than 10 % of a core in the last 100 ms: still working
            last_busy = now
        cpu = c
        if now - last_busy >= 1.0:
            _, count, updates = poll_or_none(rx) or (False, 0, 0)
            confirms += 1
            if count >= args.count:
                return last_busy, count, updates, confirms
            last_busy = time.time()  # not there yet (the sender paused?): keep watching
        if now > deadline:
            raise SystemExit(f"{rx.name}: not idle with all routes within {args.timeout} s")


def gc_summary(path, offset):
    """Pauses logged by -Xlog:gc since offset: count and total milliseconds, and the last heap figures."""
    pauses, total_ms, last = 0, 0.0, ""
    try:
        with open(path, errors="replace") as f:
            f.seek(offset)
            for line in f:
                m = re.search(r"Pause .* (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", line)
                if m:
                    pauses += 1
                    total_ms += float(m.group(4))
                    last = f"{m.group(1)}M->{m.group(2)}M({m.group(3)}M)"
    except OSError:
        pass
    return {"pauses": pauses, "pause_ms": round(total_ms), "last": last}


# ---------------------------------------------------------------- churn

def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def cmd_churn(args):
    rx = receiver(args)
    sender = BirdCtl(args.sender_ctl)
    est, base, u_start = rx.poll()
    if not est:
        raise SystemExit(f"{rx.name}: the session is not Established")
    awake = KeepAwake(args.sender_ctl)
    awake.start()
    stats = {"polls": 0, "poll_time": 0.0, "updates": u_start}

    def toggle(on, target):
        """Switches the churn protocol; the lag in seconds until the receiver holds {target} routes (None: 30 s)."""
        t_cmd = time.time()
        sender.cmd(("enable " if on else "disable ") + args.churn_proto)
        while True:
            time.sleep(args.interval)
            t_poll = time.perf_counter()
            answer = poll_or_none(rx)
            stats["poll_time"] += time.perf_counter() - t_poll
            stats["polls"] += 1
            if answer is not None:
                stats["updates"] = answer[2]
                if answer[1] == target:
                    return time.time() - t_cmd
            if time.time() - t_cmd > 30:
                return None

    # warm-up: the same toggling, reported apart
    warmup = []
    on = False
    t_warm = time.time()
    while time.time() - t_warm < args.warmup:
        on = not on
        lag = toggle(on, base + args.size if on else base)
        if lag is None:
            raise SystemExit(f"{rx.name}: no convergence within 30 s during the warm-up")
        warmup.append(round(lag * 1000))
    if on and toggle(False, base) is None:  # the measured run starts from the base
        raise SystemExit(f"{rx.name}: no convergence within 30 s after the warm-up")
    est, base, u_start = rx.poll()
    stats = {"polls": 0, "poll_time": 0.0, "updates": u_start}
    stream = StreamLag(args.bgp_port) if args.bgp_port else None
    if stream:
        stream.start()
        stream.start_measuring()
    cpu0 = thread_cpu(args.pid) if args.pid else {}
    db0 = postgres_cpu()
    gc_from = os.path.getsize(args.gc_log) if args.gc_log and os.path.exists(args.gc_log) else 0
    t_start = time.time()
    lags = {"on": [], "off": []}
    sequence = []  # every toggle's lag in ms, in order (announce, withdraw, announce, ...), kept in the raw results
    windows = []  # (time, updates) after each toggle, for the best one-second rate
    on = False
    failures = 0
    while time.time() - t_start < args.seconds:
        on = not on
        lag = toggle(on, base + args.size if on else base)
        if lag is None:
            failures += 1
            continue
        lags["on" if on else "off"].append(lag)
        sequence.append(round(lag * 1000))
        windows.append((time.time(), stats["updates"]))
    if on:  # leave the protocol off, as found
        sender.cmd("disable " + args.churn_proto)
    t_end = windows[-1][0] if windows else time.time()
    u_end = windows[-1][1] if windows else stats["updates"]
    cpu1 = thread_cpu(args.pid) if args.pid else {}
    db_cpu = round(postgres_cpu() - db0, 2)
    if stream:
        stream.stop()
    stream_lags = stream.lags() if stream else []
    awake.stop()
    everything = lags["on"] + lags["off"]
    toggles = len(everything)
    elapsed = t_end - t_start
    best = 0.0
    for i in range(len(windows)):
        for j in range(i + 1, len(windows)):
            if windows[j][0] - windows[i][0] >= 1.0:
                best = max(best, (windows[j][1] - windows[i][1]) / (windows[j][0] - windows[i][0]))
                break
    threads = sorted(((n, round(cpu1.get(n, 0) - cpu0.get(n, 0), 2)) for n in cpu1), key=lambda x: -x[1])

    def ms(v):
        return None if v is None else round(v * 1000)

    result = {
        "receiver": rx.name,
        "base": base,
        "size": args.size,
        "seconds": round(elapsed, 2),
        "toggles": toggles,
        "failures": failures,
        "updates": u_end - u_start,
        "updates_per_s": round((u_end - u_start) / elapsed) if elapsed > 0 else None,
        "best_1s_updates_per_s": round(best),
        "prefix_changes_per_s": round(toggles * args.size / elapsed) if elapsed > 0 else None,
        "lag_p50_ms": ms(percentile(everything, 50)),
        "lag_p99_ms": ms(percentile(everything, 99)),
        "lag_max_ms": ms(max(everything) if everything else None),
        "processing_lag_p50_ms": ms(weighted_percentile(stream_lags, 50)),
        "processing_lag_p99_ms": ms(weighted_percentile(stream_lags, 99)),
        "processing_lag_max_ms": ms(max(x for x, _ in stream_lags) if stream_lags else None),
        "processing_lag_samples": len(stream.samples) if stream else 0,
        "announce_p50_ms": ms(percentile(lags["on"], 50)),
        "withdraw_p50_ms": ms(percentile(lags["off"], 50)),
        "lags_ms": sequence,
        "warmup_seconds": args.warmup,
        "warmup_lags_ms": [x for x in warmup if x is not None],
        "db_cpu_seconds": db_cpu,
        "poll_ms": round(args.interval * 1000),
        "poll_answer_ms": round(1000 * stats["poll_time"] / stats["polls"], 1) if stats["polls"] else None,
        "cpu_seconds": round(sum(x[1] for x in threads), 2),
        "threads": [t for t in threads if t[1] >= 0.05][:8],
        "hwm_kb": proc_status(args.pid, "VmHWM") if args.pid else None,
    }
    if args.gc_log:
        result["gc"] = gc_summary(args.gc_log, gc_from)
    print(json.dumps(result))
    sender.close()


# ---------------------------------------------------------------- small things

def cmd_routes(args):
    """One /24 per route. Every PER_PATH consecutive routes share an AS path (BIRD prepends 64500 on export):
    two transit ASNs and a private 4-octet origin, plus a community, so that UPDATEs carry what a real feed carries
    and the number of distinct attribute sets is COUNT / PER_PATH (a full table has a few hundred thousand)."""
    first = sum(int(x) << (24 - 8 * i) for i, x in enumerate(args.first.split(".")))
    if first & 0xFF or first + (args.count << 8) > (224 << 24):
        raise SystemExit("routes: FIRST must be a /24 boundary and COUNT /24s must stay below 224.0.0.0")
    with open(args.file, "w") as f:
        for i in range(args.count):
            a = first + (i << 8)
            g = args.origin_base + i // args.per_path
            f.write(f"route {a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.0/24 blackhole {{ bgp_path.prepend({g}); "
                    f"bgp_path.prepend({64512 + g % 509}); bgp_path.prepend({65000 + g % 31}); "
                    f"bgp_community.add((64500, {g % 97})); }};\n")


def cmd_wait_table(args):
    deadline = time.time() + args.timeout
    while True:
        try:
            ctl = BirdCtl(args.ctl)
            for line in ctl.cmd("show route count"):
                m = re.search(r"(\d+) of \d+ routes for \d+ networks in table master4", line)
                if m and int(m.group(1)) >= args.count:
                    ctl.close()
                    return
            ctl.close()
        except (OSError, ConnectionError):
            pass
        if time.time() > deadline:
            raise SystemExit(f"BIRD at {args.ctl} did not load {args.count} routes within {args.timeout} s")
        time.sleep(0.2)


# ---------------------------------------------------------------- reporting

def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def median(values):
    s = sorted(values)
    n = len(s)
    return None if n == 0 else (s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2)


def mb(kb):
    return None if kb is None else kb / 1024


def cmd_report_line(args):
    r = load(args.results)[-1]
    if r["part"] == "churn":
        print(f"  churn into {r['receiver']}: {r['toggles']} toggles of {r['size']} in {r['seconds']} s; "
              f"{r['updates_per_s']} UPDATE/s, {r['prefix_changes_per_s']} prefix changes/s; convergence lag p50 "
              f"{r['lag_p50_ms']} ms, p99 {r['lag_p99_ms']} ms; processing lag p50 {r.get('processing_lag_p50_ms')} ms, "
              f"p99 {r.get('processing_lag_p99_ms')} ms, max {r.get('processing_lag_max_ms')} ms; peak RSS {mb(r['hwm_kb']):.0f} MB; PostgreSQL CPU "
              f"{r.get('db_cpu_seconds')} s; lags (ms, in order) {r.get('lags_ms')}; warm-up "
              f"({r.get('warmup_seconds')} s, not counted) {r.get('warmup_lags_ms')}", flush=True)
    else:
        extra = f"; GC {r['gc']['pauses']} pauses, {r['gc']['pause_ms']} ms" if "gc" in r else ""
        print(f"  {r['part']} {r['run']} {r['receiver']}: {r['routes']} routes in {r['seconds']:.2f} s "
              f"({r['updates']} UPDATEs, {r['cpu_seconds']} CPU s); peak RSS {mb(r['hwm_kb']):.0f} MB{extra}; "
              f"threads {r['threads'][:4]}", flush=True)


def ratio(a, b):
    return "–" if a is None or not b else f"{a / b:.2f}x"


def cmd_report(args):
    rows = load(args.results)
    full = [r for r in rows if r["part"] == "full"]
    order = ["telemetry-service", "bird2", "gobgpd"]
    med = {}
    for name in order:
        rs = [r for r in full if r["receiver"] == name]
        if rs:
            med[name] = {
                "n": len(rs),
                "t": median([r["seconds"] for r in rs]),
                "tmin": min(r["seconds"] for r in rs),
                "tmax": max(r["seconds"] for r in rs),
                "hwm": median([r["hwm_kb"] for r in rs]),
                "cpu": median([r["cpu_seconds"] for r in rs]),
                "upd": median([r["updates"] for r in rs]),
                "ans": median([r.get("poll_answer_ms", 0) for r in rs]),
            }
    if med:
        runs = "median of %d runs" % args.runs if args.runs > 1 else "one run"
        print(f"\nFull table: {args.routes:,} IPv4 routes from BIRD 2 ({runs}; time = Established -> all routes held)\n")
        print("| receiver | time | range | peak RSS (VmHWM) | receiver CPU | UPDATE messages | UPDATE/s | time vs bird2 "
              "| time vs gobgpd | RSS vs bird2 | RSS vs gobgpd | poll answer |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        b, g = med.get("bird2"), med.get("gobgpd")
        for name in order:
            m = med.get(name)
            if not m:
                continue
            rng = f"{m['tmin']:.2f}–{m['tmax']:.2f} s" if m["n"] > 1 else "–"
            # BIRD counts imported routes, not messages
            upd = "–" if name == "bird2" else f"{m['upd']:,.0f}"
            rate = "–" if name == "bird2" else f"{m['upd'] / m['t']:,.0f}"
            print(f"| {name} | {m['t']:.2f} s | {rng} | {mb(m['hwm']):,.0f} MB | {m['cpu']:.1f} s | {upd} | {rate} | "
                  f"{ratio(m['t'], b and b['t'])} | {ratio(m['t'], g and g['t'])} | "
                  f"{ratio(m['hwm'], b and b['hwm'])} | {ratio(m['hwm'], g and g['hwm'])} | {m['ans']:.0f} ms |")
        t = med.get("telemetry-service")
        if t and b:
            r = t["t"] / b["t"]
            print(f"\nGoal: within 1.5x of bird2's time: {r:.2f}x -> {'met' if r <= 1.5 else 'MISSED'}")
        if t:
            print(f"Goal: at most 500 MB RSS: {mb(t['hwm']):.0f} MB -> {'met' if mb(t['hwm']) <= 500 else 'MISSED'}")
        for r in full:
            if r["receiver"] == "telemetry-service":
                print(f"telemetry-service run {r['run']}: threads (CPU s during the transfer) {r['threads']}; "
                      f"GC {r.get('gc')}")
    churn = [r for r in rows if r["part"] == "churn"]
    if churn:
        base = f"on top of a {churn[0]['base']:,}-route table" if churn[0]["base"] else "alone on the session"
        print(f"\nChurn: a {churn[0]['size']:,}-route static protocol toggled (birdc enable/disable) back to back, "
              f"{base}. Processing lag: from the sender writing a byte of the BGP stream to the receiver reading it "
              f"(kernel counters every 10 ms). Convergence lag: from the control command until the receiver holds the "
              f"toggle's routes, polled every {churn[0]['poll_ms']} ms; it includes the sender's own time to generate "
              f"the toggle\n")
        print("| receiver | duration | toggles | UPDATE/s (mean) | best 1 s | prefix changes/s | processing lag p50 "
              "| processing lag p99 | processing lag max | convergence lag p50 | convergence lag p99 | convergence lag max "
              "| announce p50 | withdraw p50 | peak RSS | poll answer |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in churn:
            upd = f"{r['updates_per_s']:,}" if r["receiver"] != "bird2" else "–"
            best = f"{r['best_1s_updates_per_s']:,}" if r["receiver"] != "bird2" else "–"
            print(f"| {r['receiver']} | {r['seconds']} s | {r['toggles']} | {upd} | {best} | "
                  f"{r['prefix_changes_per_s']:,} | {r.get('processing_lag_p50_ms')} ms | "
                  f"{r.get('processing_lag_p99_ms')} ms | {r.get('processing_lag_max_ms')} ms | {r['lag_p50_ms']} ms | {r['lag_p99_ms']} ms | {r['lag_max_ms']} ms | "
                  f"{r['announce_p50_ms']} ms | {r['withdraw_p50_ms']} ms | {mb(r['hwm_kb']):,.0f} MB | "
                  f"{r['poll_answer_ms']} ms |")
        for r in churn:
            if r["receiver"] == "telemetry-service":
                ok1 = r["updates_per_s"] >= 50000
                p99 = r.get("processing_lag_p99_ms")
                ok2 = p99 is not None and p99 < 1000
                print(f"\nGoal: >= 50,000 UPDATE/s: {r['updates_per_s']:,} -> {'met' if ok1 else 'MISSED'}")
                print(f"Goal: processing lag p99 < 1 s: {p99} ms -> {'met' if ok2 else 'MISSED'}")
                print(f"Convergence lag p99 (includes the sender's time; compare with bird2 above): {r['lag_p99_ms']} ms")
                print(f"telemetry-service churn: threads (CPU s) {r['threads']}; GC {r.get('gc')}; "
                      f"failures (no convergence in 30 s) {r['failures']}")
    if args.sender_hwm_kb:
        print(f"\nSender BIRD peak RSS: {args.sender_hwm_kb / 1024:,.0f} MB")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("routes")
    r.add_argument("file")
    r.add_argument("count", type=int)
    r.add_argument("first")
    r.add_argument("--per-path", type=int, default=1, help="consecutive routes sharing one AS path")
    r.add_argument("--origin-base", type=int, default=4200000000, help="the first origin ASN")
    r.set_defaults(func=cmd_routes)

    w = sub.add_parser("wait-table")
    w.add_argument("ctl")
    w.add_argument("count", type=int)
    w.add_argument("timeout", type=float)
    w.set_defaults(func=cmd_wait_table)

    for name, func in (("full", cmd_full), ("churn", cmd_churn)):
        s = sub.add_parser(name)
        s.add_argument("--kind", choices=["telemetry", "gobgp", "bird"], required=True)
        s.add_argument("--sender-ctl", required=True)
        s.add_argument("--peer", default="127.0.0.2")
        s.add_argument("--pid", type=int, help="the receiver's process, for CPU and memory")
        s.add_argument("--metrics", help="telemetry: the /q/metrics URL")
        s.add_argument("--log", help="telemetry: its log file (for the Established time stamp)")
        s.add_argument("--gc-log", help="telemetry: its -Xlog:gc file")
        s.add_argument("--api-port", type=int, help="gobgp: its API port")
        s.add_argument("--ctl", help="bird: the receiver's control socket")
        s.add_argument("--proto", default="sender", help="bird: the receiver's protocol name")
        s.set_defaults(func=func)
    f = sub.choices["full"]
    f.add_argument("--sender-proto", default="collector")
    f.add_argument("--count", type=int, required=True)
    f.add_argument("--interval", type=float, default=0.100)
    f.add_argument("--timeout", type=float, default=600)
    f.add_argument("--idle-confirm", action="store_true",
                   help="time by the receiver's CPU going idle, then confirm the count once (gobgpd)")
    c = sub.choices["churn"]
    c.add_argument("--churn-proto", default="churn")
    c.add_argument("--size", type=int, required=True)
    c.add_argument("--seconds", type=float, required=True)
    c.add_argument("--warmup", type=float, default=0,
                   help="seconds of toggling before the measured run (reported apart: a fresh JVM compiles its hot code)")
    c.add_argument("--interval", type=float, default=0.020)
    c.add_argument("--bgp-port", type=int, help="the receiver's BGP port: the processing lag from the kernel's counters")

    rl = sub.add_parser("report-line")
    rl.add_argument("results")
    rl.set_defaults(func=cmd_report_line)
    rp = sub.add_parser("report")
    rp.add_argument("results")
    rp.add_argument("--routes", type=int, required=True)
    rp.add_argument("--runs", type=int, required=True)
    rp.add_argument("--sender-hwm-kb", type=int)
    rp.set_defaults(func=cmd_report)

    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())
