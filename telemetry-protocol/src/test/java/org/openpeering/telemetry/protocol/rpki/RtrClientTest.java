package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openpeering.telemetry.protocol.Prefix;

@Timeout(60)
class RtrClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Vrp A = Vrp.of("203.0.113.0/24", 24, 64510);
    private static final Vrp B = Vrp.of("2001:db8::/32", 48, 64511);
    private static final Vrp C = Vrp.of("198.51.100.0/22", 24, 64512);
    private static final Vrp D = Vrp.of("192.0.2.0/24", 24, 64513);

    private static RtrClient client(FakeRtrCache cache, RecordingListener listener) {
        // refresh far away so that only what a test does (notify, reset, drop) makes the client query again
        return new RtrClient("127.0.0.1", cache.port(), listener, Duration.ofSeconds(2))
                .setRefreshInterval(Duration.ofHours(1))
                .setRetryInterval(Duration.ofSeconds(1));
    }

    private static Set<Vrp> contents(VrpSet set) {
        return new HashSet<>(set.vrps());
    }

    /** The PDUs clients sent to the cache so far (waiting briefly for the last ones). */
    private static List<FakeRtrCache.Received> drain(FakeRtrCache cache, int atLeast) throws InterruptedException {
        List<FakeRtrCache.Received> all = new ArrayList<>();
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (all.size() < atLeast && System.currentTimeMillis() < deadline) {
            FakeRtrCache.Received r = cache.nextReceived(100);
            if (r != null) {
                all.add(r);
            }
        }
        FakeRtrCache.Received r;
        while ((r = cache.nextReceived(200)) != null) {
            all.add(r);
        }
        return all;
    }

    @Test
    void initialSyncSendsAResetQueryAndPublishesTheWholeSetAtEndOfData() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            client.start();
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> !x.expired(), WAIT);

            assertEquals(Set.of(A, B), contents(e.set()));
            assertEquals(41, e.serial());
            assertEquals(Validity.VALID, e.set().validate(Prefix.parse("203.0.113.0/24"), 64510L));
            assertEquals(Validity.INVALID_ORIGIN, e.set().validate(Prefix.parse("203.0.113.0/24"), 64505L));
            assertEquals(1, client.negotiatedVersion());
            assertEquals(41, client.serial());
            assertEquals(FakeRtrCache.SESSION, client.sessionId());
            assertEquals(Set.of(A, B), contents(client.current()));
            FakeRtrCache.Received first = cache.nextReceived(1000);
            assertEquals(new FakeRtrCache.Received(1, new ResetQuery()), first);
            listener.awaitState("synchronized", WAIT);
            assertEquals("connected", listener.states().get(0).state());
        }
    }

    @Test
    void serialNotifyTriggersASerialQueryAndAnIncrementalUpdate() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            client.start();
            listener.awaitVrps(x -> x.serial() == 41, WAIT);

            cache.update(List.of(C), List.of(A), true);
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> x.serial() == 42, WAIT);

            assertEquals(Set.of(B, C), contents(e.set()));
            assertEquals(Validity.NOT_FOUND, e.set().validate(Prefix.parse("203.0.113.0/24"), 64510L));
            assertEquals(Validity.VALID, e.set().validate(Prefix.parse("198.51.101.0/24"), 64512L));
            List<FakeRtrCache.Received> sent = drain(cache, 2);
            assertEquals(List.of(new FakeRtrCache.Received(1, new ResetQuery()),
                    new FakeRtrCache.Received(1, new SerialQuery(FakeRtrCache.SESSION, 41))), sent);
            assertEquals(1, cache.connections());
        }
    }

    @Test
    void theRefreshTimerPollsForChangesWithoutANotify() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 7, List.of(A));
                RtrClient client = client(cache, listener).setRefreshInterval(Duration.ofMillis(300))) {
            client.start();
            listener.awaitVrps(x -> x.serial() == 7, WAIT);

            cache.update(List.of(B), List.of(), false);
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> x.serial() == 8, WAIT);

            assertEquals(Set.of(A, B), contents(e.set()));
            assertTrue(drain(cache, 2).contains(new FakeRtrCache.Received(1, new SerialQuery(FakeRtrCache.SESSION, 7))));
        }
    }

    @Test
    void cacheResetLeadsToAResetQueryAndAFullReplacement() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            client.start();
            listener.awaitVrps(x -> x.serial() == 41, WAIT);

            cache.replaceAll(List.of(D), true);
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> x.serial() == 42, WAIT);

            // nothing of the old set may survive a reset
            assertEquals(Set.of(D), contents(e.set()));
            List<RtrPdu> sent = drain(cache, 3).stream().map(FakeRtrCache.Received::pdu).toList();
            assertEquals(List.of(new ResetQuery(), new SerialQuery(FakeRtrCache.SESSION, 41), new ResetQuery()), sent);
            assertEquals(1, cache.connections());
        }
    }

    @Test
    void fallsBackToVersion0WhenTheCacheReportsUnsupportedProtocolVersion() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(0, 5, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            client.start();
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> !x.expired(), WAIT);

            assertEquals(Set.of(A, B), contents(e.set()));
            assertEquals(0, client.negotiatedVersion());
            assertEquals(List.of(new FakeRtrCache.Received(1, new ResetQuery()),
                    new FakeRtrCache.Received(0, new ResetQuery())), drain(cache, 2));
            assertEquals(2, cache.connections());

            // version 0 carries no timers; the session keeps working at version 0
            cache.update(List.of(C), List.of(), true);
            assertEquals(Set.of(A, B, C), contents(listener.awaitVrps(x -> x.serial() == 6, WAIT).set()));
            assertEquals(new FakeRtrCache.Received(0, new SerialQuery(FakeRtrCache.SESSION, 5)), cache.nextReceived(5000));
        }
    }

    @Test
    void fallsBackToVersion0WhenTheCacheAnswersWithAVersion0Pdu() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 5, List.of(A));
                RtrClient client = client(cache, listener)) {
            cache.answerInVersion0 = true;
            client.start();
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> !x.expired(), WAIT);

            assertEquals(Set.of(A), contents(e.set()));
            assertEquals(0, client.negotiatedVersion());
            List<FakeRtrCache.Received> sent = drain(cache, 2);
            assertEquals(new FakeRtrCache.Received(0, new ResetQuery()), sent.get(sent.size() - 1));
            assertEquals(1, sent.get(0).version());
        }
    }

    @Test
    void reconnectsAfterTheRetryIntervalWhenTheCacheDropsTheConnection() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            client.start();
            listener.awaitVrps(x -> x.serial() == 41, WAIT);
            listener.awaitState("synchronized", WAIT);

            long dropped = System.nanoTime();
            cache.replaceAll(List.of(C), false);
            cache.dropClients();
            listener.awaitState("disconnected", WAIT);
            // the old data stays in use while disconnected
            assertEquals(Set.of(A, B), contents(client.current()));

            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> x.serial() == 42, WAIT);
            long elapsedMillis = (System.nanoTime() - dropped) / 1_000_000;
            assertEquals(Set.of(C), contents(e.set()));
            assertEquals(2, cache.connections());
            assertTrue(elapsedMillis >= 900, "reconnected after " + elapsedMillis + " ms, before the 1 s retry interval");
            assertTrue(listener.vrpEvents().stream().noneMatch(RecordingListener.VrpsEvent::expired));
        }
    }

    @Test
    void dropsItsVrpsWhenNoUpdateSucceedsWithinTheExpireInterval() throws Exception {
        RecordingListener listener = new RecordingListener();
        FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
        try (cache; RtrClient client = client(cache, listener).setExpireInterval(Duration.ofMillis(1500))) {
            client.start();
            listener.awaitVrps(x -> x.serial() == 41, WAIT);

            cache.close(); // the cache disappears: reconnection attempts fail
            RecordingListener.VrpsEvent e = listener.awaitVrps(RecordingListener.VrpsEvent::expired, WAIT);

            assertEquals(0, e.set().size());
            assertEquals(0, client.current().size());
            assertEquals(Validity.NOT_FOUND, client.current().validate(Prefix.parse("203.0.113.0/24"), 64510L));
            assertNotNull(listener.awaitState("expired", WAIT));
        }
    }

    @Test
    void aDuplicateAnnouncementIsReportedAndNothingOfThatAnswerIsApplied() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (FakeRtrCache cache = new FakeRtrCache(1, 41, List.of(A, B));
                RtrClient client = client(cache, listener)) {
            cache.announceTwice = true;
            client.start();

            FakeRtrCache.Received query = cache.nextReceived(WAIT.toMillis());
            FakeRtrCache.Received error = cache.nextReceived(WAIT.toMillis());
            assertEquals(new ResetQuery(), query.pdu());
            ErrorReport report = assertInstanceOf(ErrorReport.class, error.pdu());
            assertEquals(RtrException.DUPLICATE_ANNOUNCEMENT_RECEIVED, report.errorCode());
            assertEquals(20, report.erroneousPdu().length); // the offending IPv4 Prefix PDU
            assertTrue(listener.vrpEvents().isEmpty());

            cache.announceTwice = false;
            RecordingListener.VrpsEvent e = listener.awaitVrps(x -> !x.expired(), WAIT);
            assertEquals(Set.of(A, B), contents(e.set()));
        }
    }
}
