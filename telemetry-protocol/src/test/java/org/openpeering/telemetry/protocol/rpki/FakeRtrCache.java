package org.openpeering.telemetry.protocol.rpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small RTR cache for tests: serves a VRP set with a serial history over a ServerSocket, one thread per
 * connection, and can misbehave on demand (speak only version 0, answer in version 0 without an error, demand a
 * reset, announce a record twice).
 */
final class FakeRtrCache implements AutoCloseable {

    record Received(int version, RtrPdu pdu) {
    }

    private record Delta(boolean announce, Vrp vrp) {
    }

    static final int SESSION = 0x1234;

    private final ServerSocket server;
    private final int maxVersion;
    private final Map<Socket, Integer> clients = new ConcurrentHashMap<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    // guarded by this
    private long serial;
    private final Set<Vrp> vrps = new LinkedHashSet<>();
    /** serial -> the changes from serial - 1 to serial */
    private final Map<Long, List<Delta>> history = new HashMap<>();
    private boolean cacheResetNext;

    /** Reply to version 1 queries with version 0 PDUs, without an Error Report (an old, sloppy cache). */
    volatile boolean answerInVersion0;
    /** Announce the first VRP twice in full answers. */
    volatile boolean announceTwice;

    FakeRtrCache(int maxVersion, long serial, Collection<Vrp> initial) throws IOException {
        this.maxVersion = maxVersion;
        this.serial = serial;
        this.vrps.addAll(initial);
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-rtr-cache-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** The next PDU a client sent, or null after the timeout. */
    Received nextReceived(long timeoutMillis) throws InterruptedException {
        return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Applies a change as a new serial; with {@code notify}, sends Serial Notify to every client. */
    void update(List<Vrp> announce, List<Vrp> withdraw, boolean notify) {
        long s;
        synchronized (this) {
            List<Delta> d = new ArrayList<>();
            for (Vrp v : withdraw) {
                vrps.remove(v);
                d.add(new Delta(false, v));
            }
            for (Vrp v : announce) {
                vrps.add(v);
                d.add(new Delta(true, v));
            }
            serial++;
            history.put(serial, d);
            s = serial;
        }
        if (notify) {
            notifyClients(s);
        }
    }

    /** Replaces all data as a new serial with no history, so that any Serial Query gets a Cache Reset. */
    void replaceAll(Collection<Vrp> all, boolean notify) {
        long s;
        synchronized (this) {
            vrps.clear();
            vrps.addAll(all);
            history.clear();
            serial++;
            cacheResetNext = true;
            s = serial;
        }
        if (notify) {
            notifyClients(s);
        }
    }

    private void notifyClients(long s) {
        for (Map.Entry<Socket, Integer> c : clients.entrySet()) {
            write(c.getKey(), RtrCodec.encode(new SerialNotify(SESSION, s), c.getValue()));
        }
    }

    /** Closes every client connection (the listening socket stays open). */
    void dropClients() throws IOException {
        for (Socket s : clients.keySet()) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClients();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "fake-rtr-cache-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            clients.put(s, maxVersion);
            RtrCodec.Framer framer = new RtrCodec.Framer(s.getInputStream());
            byte[] frame;
            while ((frame = framer.next()) != null) {
                int v = RtrCodec.version(frame, 0);
                RtrPdu pdu;
                try {
                    pdu = RtrCodec.decode(frame, 0, frame.length);
                } catch (RtrException e) {
                    write(s, RtrCodec.encode(new ErrorReport(e.errorCode(), frame, e.getMessage()), maxVersion));
                    return;
                }
                received.add(new Received(v, pdu));
                if (v > maxVersion) {
                    // RFC 8210 §7: an older cache answers a newer query with this error, in its own version
                    write(s, RtrCodec.encode(new ErrorReport(RtrException.UNSUPPORTED_PROTOCOL_VERSION, frame,
                            "only version " + maxVersion), maxVersion));
                    return;
                }
                int reply = answerInVersion0 ? 0 : v;
                clients.put(s, reply);
                if (pdu instanceof ResetQuery) {
                    write(s, fullAnswer(reply));
                } else if (pdu instanceof SerialQuery q) {
                    write(s, incrementalAnswer(q, reply));
                } else if (pdu instanceof ErrorReport) {
                    return;
                }
            }
        } catch (IOException | RtrException e) {
            // the client went away or the test dropped it
        } finally {
            clients.remove(s);
        }
    }

    private synchronized byte[] fullAnswer(int v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RtrCodec.encode(new CacheResponse(SESSION), v));
        boolean first = true;
        for (Vrp vrp : vrps) {
            out.writeBytes(RtrCodec.encode(prefixPdu(true, vrp), v));
            if (first && announceTwice) {
                out.writeBytes(RtrCodec.encode(prefixPdu(true, vrp), v));
            }
            first = false;
        }
        out.writeBytes(RtrCodec.encode(endOfData(v), v));
        cacheResetNext = false;
        return out.toByteArray();
    }

    private synchronized byte[] incrementalAnswer(SerialQuery q, int v) {
        boolean known = q.sessionId() == SESSION && !cacheResetNext;
        for (long s = q.serial() + 1; known && s <= serial; s++) {
            known = history.containsKey(s);
        }
        if (!known) {
            cacheResetNext = false;
            return RtrCodec.encode(new CacheReset(), v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RtrCodec.encode(new CacheResponse(SESSION), v));
        for (long s = q.serial() + 1; s <= serial; s++) {
            for (Delta d : history.get(s)) {
                out.writeBytes(RtrCodec.encode(prefixPdu(d.announce(), d.vrp()), v));
            }
        }
        out.writeBytes(RtrCodec.encode(endOfData(v), v));
        return out.toByteArray();
    }

    private EndOfData endOfData(int v) {
        return v == 0 ? EndOfData.v0(SESSION, serial) : new EndOfData(SESSION, serial, 3600, 600, 7200);
    }

    private static RtrPdu prefixPdu(boolean announce, Vrp vrp) {
        return vrp.prefix().isV6() ? Ipv6Prefix.of(announce, vrp) : Ipv4Prefix.of(announce, vrp);
    }

    private static void write(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            synchronized (s) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            // the client is gone; its reader notices
        }
    }
}
