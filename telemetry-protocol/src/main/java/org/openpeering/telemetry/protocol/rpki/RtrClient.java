package org.openpeering.telemetry.protocol.rpki;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The router side of RTR (RFC 8210 version 1, falling back to RFC 6810 version 0) over plain TCP, on its own daemon
 * thread with blocking IO: one connection, one thread, nothing to share.
 *
 * <p>Per connection: Reset Query, then Cache Response, prefixes, End of Data; then a Serial Query every refresh
 * interval and at once on Serial Notify; a Cache Reset is answered with a Reset Query. Changes are applied to a copy
 * and published (as a new {@link VrpSet}) only at End of Data, so listeners never see half an update. A reconnection
 * starts with a Reset Query again: the cache may have restarted with a new session id, and a Serial Query with a stale
 * one would make it report Corrupt Data (RFC 8210 §5.1) and cost us our data; the old data stays in use until the new
 * End of Data replaces it.
 *
 * <p>Versions: the client asks for version 1. If the cache answers with an Error Report "Unsupported Protocol Version"
 * or with any version 0 PDU, the client reconnects at once with version 0 and stays there (RFC 8210 §7: a session
 * never changes version; going back up would only flap against an old cache).
 *
 * <p>Timers come from the cache's End of Data (version 1) or default to RFC 8210 §6 (refresh 3600 s, retry 600 s,
 * expire 7200 s); the setters override both, for tests and for operators who know better. Retry is also how long an
 * outstanding query may go without any PDU before the connection is given up. Data older than the expire interval
 * (since the last End of Data) is dropped: listeners get an empty set with {@code expired = true}.
 */
public final class RtrClient implements AutoCloseable {

    /** Called on the client's thread; must not block for long. Exceptions thrown are ignored. */
    public interface Listener {
        /** A new complete set (after End of Data) or, with {@code expired}, the empty set replacing expired data. */
        void onVrps(VrpSet current, long serial, boolean expired);

        /** "connected", "synchronized", "disconnected" or "expired", with a human-readable detail. */
        void onState(String state, String detail);
    }

    private final String host;
    private final int port;
    private final Listener listener;
    private final Duration connectTimeout;

    private volatile Duration refreshOverride;
    private volatile Duration retryOverride;
    private volatile Duration expireOverride;

    private volatile boolean closed;
    private volatile boolean started;
    private volatile Socket socket;
    private volatile Thread thread;
    private final Object sleeper = new Object();

    // Visible to other threads through the accessors.
    private volatile int version = 1;
    private volatile int negotiatedVersion = -1;
    private volatile long serial = -1;
    private volatile int sessionId = -1;
    private volatile VrpSet current = VrpSet.empty();

    // Owned by the client thread.
    private Set<Vrp> data = new HashSet<>();
    private boolean hasData;
    private long lastSyncNanos;
    private long cacheRefreshSeconds = EndOfData.DEFAULT_REFRESH;
    private long cacheRetrySeconds = EndOfData.DEFAULT_RETRY;
    private long cacheExpireSeconds = EndOfData.DEFAULT_EXPIRE;

    public RtrClient(String host, int port, Listener listener, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.port = port;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Overrides the cache's refresh interval (null: use the cache's or the default). */
    public RtrClient setRefreshInterval(Duration refresh) {
        this.refreshOverride = positive(refresh);
        return this;
    }

    /** Overrides the cache's retry interval (null: use the cache's or the default). */
    public RtrClient setRetryInterval(Duration retry) {
        this.retryOverride = positive(retry);
        return this;
    }

    /** Overrides the cache's expire interval (null: use the cache's or the default). */
    public RtrClient setExpireInterval(Duration expire) {
        this.expireOverride = positive(expire);
        return this;
    }

    private static Duration positive(Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("interval must be positive: " + d);
        }
        return d;
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        Thread t = new Thread(this::run, "rtr-client-" + host + ":" + port);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        closeQuietly(socket);
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** 1 or 0 once a cache has answered at that version; -1 before. */
    public int negotiatedVersion() {
        return negotiatedVersion;
    }

    /** The serial of the data in use; -1 before the first End of Data. */
    public long serial() {
        return serial;
    }

    /** The cache's session id of the data in use; -1 before the first End of Data. */
    public int sessionId() {
        return sessionId;
    }

    /** The VRPs in use now (empty before the first End of Data and after expiry). */
    public VrpSet current() {
        return current;
    }

    // ---------------------------------------------------------------- the client thread

    private void run() {
        while (!closed) {
            Outcome outcome;
            try {
                outcome = session();
            } catch (IOException e) {
                outcome = new Outcome(false, describe(e));
            } catch (RuntimeException e) {
                // a bug must not end RPKI for good: report it and go round again after the retry interval
                outcome = new Outcome(false, "internal error: " + describe(e));
            } finally {
                closeQuietly(socket);
            }
            if (closed) {
                break;
            }
            state("disconnected", outcome.reason);
            if (!outcome.immediate) {
                pause(nanos(retryOverride, cacheRetrySeconds));
            }
        }
        state("disconnected", "closed");
    }

    /** Why a connection ended and whether to reconnect at once (a version fallback) or after the retry interval. */
    private record Outcome(boolean immediate, String reason) {
    }

    /** A protocol violation by the cache: report it with an Error Report and drop the connection. */
    private static final class ProtocolError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final transient byte[] pdu;

        ProtocolError(int code, String message, byte[] pdu) {
            super(message);
            this.code = code;
            this.pdu = pdu;
        }
    }

    private enum Phase {
        /** a query is out, waiting for Cache Response (or Cache Reset) */
        AWAIT_RESPONSE,
        /** between Cache Response and End of Data */
        RECEIVING,
        /** synchronized, waiting for the refresh timer or a Serial Notify */
        IDLE
    }

    private Outcome session() throws IOException {
        Socket s = new Socket();
        socket = s;
        if (closed) {
            return new Outcome(false, "closed");
        }
        s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
        s.setTcpNoDelay(true);
        OutputStream out = new BufferedOutputStream(s.getOutputStream());
        RtrCodec.Framer framer = new RtrCodec.Framer(s.getInputStream());
        int v = version;
        state("connected", host + ":" + port + ", RTR version " + v);

        boolean agreed = false;
        Phase phase = Phase.AWAIT_RESPONSE;
        boolean resetOutstanding = true;
        boolean notifyPending = false;
        int connSession = -1;
        Set<Vrp> working = null;
        long lastActivity = System.nanoTime();
        send(out, new ResetQuery(), v);

        while (!closed) {
            long now = System.nanoTime();
            expireIfStale(now);
            if (phase == Phase.IDLE && (notifyPending || now - lastSyncNanos >= nanos(refreshOverride, cacheRefreshSeconds))) {
                send(out, new SerialQuery(connSession, serial), v);
                phase = Phase.AWAIT_RESPONSE;
                resetOutstanding = false;
                notifyPending = false;
                lastActivity = now;
            }
            long retry = nanos(retryOverride, cacheRetrySeconds);
            if (phase != Phase.IDLE && now - lastActivity >= retry) {
                // the retry interval has passed already: reconnect without waiting for it again
                return new Outcome(true, "no answer from the cache within the retry interval");
            }
            long wait = phase == Phase.IDLE
                    ? lastSyncNanos + nanos(refreshOverride, cacheRefreshSeconds) - now
                    : lastActivity + retry - now;
            if (hasData) {
                wait = Math.min(wait, lastSyncNanos + nanos(expireOverride, cacheExpireSeconds) - now);
            }
            s.setSoTimeout((int) Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(wait) + 1, 60_000)));

            byte[] frame;
            RtrPdu pdu;
            try {
                frame = framer.next();
                if (frame == null) {
                    return new Outcome(false, "the cache closed the connection");
                }
                pdu = RtrCodec.decode(frame, 0, frame.length);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (RtrException e) {
                sendError(out, e.errorCode(), e.getMessage(), e.pdu(), v);
                return new Outcome(false, "bad PDU from the cache: " + e.getMessage());
            }
            lastActivity = System.nanoTime();
            int pduVersion = RtrCodec.version(frame, 0);

            if (!agreed) {
                if (pduVersion < v || (pdu instanceof ErrorReport e
                        && e.errorCode() == RtrException.UNSUPPORTED_PROTOCOL_VERSION && v > 0)) {
                    version = 0;
                    return new Outcome(true, "the cache does not speak RTR version " + v + " ("
                            + pdu + "); reconnecting with version 0");
                }
                if (pduVersion == v && !(pdu instanceof ErrorReport)) {
                    agreed = true;
                    negotiatedVersion = v;
                }
            }
            if (pduVersion != v) {
                sendError(out, RtrException.UNEXPECTED_PROTOCOL_VERSION,
                        "expected version " + v + ", got " + pduVersion, frame, v);
                return new Outcome(false, "the cache switched to RTR version " + pduVersion);
            }

            try {
                if (pdu instanceof SerialNotify n) {
                    if (connSession >= 0 && n.sessionId() != connSession) {
                        throw sessionMismatch(n.sessionId(), connSession, frame);
                    }
                    // answered at the top of the loop when idle, after the current exchange otherwise
                    notifyPending = true;
                } else if (pdu instanceof CacheResponse r) {
                    if (phase != Phase.AWAIT_RESPONSE) {
                        throw new ProtocolError(RtrException.CORRUPT_DATA, "Cache Response without a query", frame);
                    }
                    if (resetOutstanding) {
                        connSession = r.sessionId();
                        working = new HashSet<>();
                    } else {
                        if (r.sessionId() != connSession) {
                            throw sessionMismatch(r.sessionId(), connSession, frame);
                        }
                        working = new HashSet<>(data);
                    }
                    phase = Phase.RECEIVING;
                } else if (pdu instanceof Ipv4Prefix || pdu instanceof Ipv6Prefix) {
                    if (phase != Phase.RECEIVING) {
                        throw new ProtocolError(RtrException.CORRUPT_DATA, "Prefix PDU outside a Cache Response",
                                frame);
                    }
                    boolean announce = pdu instanceof Ipv4Prefix p4 ? p4.announce() : ((Ipv6Prefix) pdu).announce();
                    Vrp vrp = pdu instanceof Ipv4Prefix p4 ? p4.toVrp() : ((Ipv6Prefix) pdu).toVrp();
                    if (announce && !working.add(vrp)) {
                        throw new ProtocolError(RtrException.DUPLICATE_ANNOUNCEMENT_RECEIVED,
                                "announced twice: " + vrp, frame);
                    }
                    if (!announce && !working.remove(vrp)) {
                        throw new ProtocolError(RtrException.WITHDRAWAL_OF_UNKNOWN_RECORD,
                                "withdrawn but not held: " + vrp, frame);
                    }
                } else if (pdu instanceof RouterKey) {
                    // BGPsec keys are of no use to origin validation; only the framing matters
                    if (phase != Phase.RECEIVING) {
                        throw new ProtocolError(RtrException.CORRUPT_DATA, "Router Key PDU outside a Cache Response",
                                frame);
                    }
                } else if (pdu instanceof EndOfData e) {
                    if (phase != Phase.RECEIVING) {
                        throw new ProtocolError(RtrException.CORRUPT_DATA, "End of Data without a Cache Response",
                                frame);
                    }
                    if (e.sessionId() != connSession) {
                        throw sessionMismatch(e.sessionId(), connSession, frame);
                    }
                    commit(working, connSession, e);
                    working = null;
                    phase = Phase.IDLE;
                } else if (pdu instanceof CacheReset) {
                    if (phase == Phase.RECEIVING) {
                        throw new ProtocolError(RtrException.CORRUPT_DATA, "Cache Reset inside a Cache Response",
                                frame);
                    }
                    send(out, new ResetQuery(), v);
                    phase = Phase.AWAIT_RESPONSE;
                    resetOutstanding = true;
                    notifyPending = false;
                } else if (pdu instanceof ErrorReport e) {
                    // never answer an Error Report with one (RFC 8210 §5.11)
                    return new Outcome(false, "the cache reported " + RtrException.codeName(e.errorCode())
                            + (e.errorText().isEmpty() ? "" : ": " + e.errorText()));
                } else {
                    throw new ProtocolError(RtrException.UNSUPPORTED_PDU_TYPE,
                            "a cache does not send " + pdu.getClass().getSimpleName(), frame);
                }
            } catch (ProtocolError e) {
                sendError(out, e.code, e.getMessage(), e.pdu, v);
                return new Outcome(false, RtrException.codeName(e.code) + ": " + e.getMessage());
            }
        }
        return new Outcome(false, "closed");
    }

    /** RFC 8210 §5.1: on a session id mismatch the router flushes what it learnt from the cache. */
    private ProtocolError sessionMismatch(int got, int expected, byte[] frame) {
        flush("session id changed from " + expected + " to " + got);
        return new ProtocolError(RtrException.CORRUPT_DATA,
                "session id " + got + " does not match " + expected, frame);
    }

    private void commit(Set<Vrp> working, int session, EndOfData e) {
        data = working;
        if (e.hasIntervals()) {
            cacheRefreshSeconds = e.refreshInterval();
            cacheRetrySeconds = e.retryInterval();
            cacheExpireSeconds = e.expireInterval();
        }
        hasData = true;
        lastSyncNanos = System.nanoTime();
        sessionId = session;
        serial = e.serial();
        VrpSet set = VrpSet.of(data);
        current = set;
        try {
            listener.onVrps(set, e.serial(), false);
        } catch (RuntimeException ignored) {
            // a listener's bug must not break the session
        }
        state("synchronized", "session " + session + ", serial " + e.serial() + ", " + set.size() + " VRPs");
    }

    private void expireIfStale(long now) {
        if (hasData && now - lastSyncNanos >= nanos(expireOverride, cacheExpireSeconds)) {
            flush("no successful update within the expire interval");
            state("expired", "VRPs of serial " + serial + " dropped: no update within the expire interval");
        }
    }

    /** Drop all data; listeners get the empty set, flagged expired (it is no longer usable, whatever the reason). */
    private void flush(String why) {
        if (!hasData && data.isEmpty()) {
            return;
        }
        data = new HashSet<>();
        hasData = false;
        current = VrpSet.empty();
        try {
            listener.onVrps(current, serial, true);
        } catch (RuntimeException ignored) {
            // a listener's bug must not break the session
        }
    }

    /** Sleeps for {@code nanos} unless closed, dropping the data if it expires meanwhile. */
    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        while (!closed) {
            long now = System.nanoTime();
            expireIfStale(now);
            long left = until - now;
            if (left <= 0) {
                return;
            }
            if (hasData) {
                left = Math.min(left, lastSyncNanos + nanos(expireOverride, cacheExpireSeconds) - now);
            }
            synchronized (sleeper) {
                if (closed) {
                    return;
                }
                try {
                    sleeper.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static long nanos(Duration override, long cacheSeconds) {
        return override != null ? override.toNanos() : TimeUnit.SECONDS.toNanos(cacheSeconds);
    }

    private static void send(OutputStream out, RtrPdu pdu, int version) throws IOException {
        out.write(RtrCodec.encode(pdu, version));
        out.flush();
    }

    private static void sendError(OutputStream out, int code, String text, byte[] pdu, int version) {
        try {
            send(out, new ErrorReport(code, pdu, text), version);
        } catch (IOException | RuntimeException ignored) {
            // the connection is being dropped anyway
        }
    }

    private void state(String state, String detail) {
        try {
            listener.onState(state, detail);
        } catch (RuntimeException ignored) {
            // a listener's bug must not break the session
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }
    }

    @Override
    public String toString() {
        return "RtrClient[" + host + ":" + port + ", version " + version + ", serial " + serial + ", " + current + "]";
    }
}
