package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records what an {@link RtrClient} reports, for tests to wait on. */
final class RecordingListener implements RtrClient.Listener {

    record VrpsEvent(VrpSet set, long serial, boolean expired) {
    }

    record StateEvent(String state, String detail) {
    }

    private final BlockingQueue<VrpsEvent> vrps = new LinkedBlockingQueue<>();
    private final BlockingQueue<StateEvent> states = new LinkedBlockingQueue<>();
    private final List<StateEvent> allStates = new ArrayList<>();
    private final List<VrpsEvent> allVrps = new ArrayList<>();

    @Override
    public void onVrps(VrpSet current, long serial, boolean expired) {
        VrpsEvent e = new VrpsEvent(current, serial, expired);
        synchronized (this) {
            allVrps.add(e);
        }
        vrps.add(e);
    }

    @Override
    public void onState(String state, String detail) {
        StateEvent e = new StateEvent(state, detail);
        synchronized (this) {
            allStates.add(e);
        }
        states.add(e);
    }

    /** The next VRP event matching {@code wanted}, skipping others; fails after {@code timeout}. */
    VrpsEvent awaitVrps(Predicate<VrpsEvent> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            VrpsEvent e = left > 0 ? vrps.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                return fail("no matching VRP update within " + timeout + "; states so far: " + states());
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    /** The next state event named {@code state}, skipping others; fails after {@code timeout}. */
    StateEvent awaitState(String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            StateEvent e = left > 0 ? states.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                return fail("no \"" + state + "\" state within " + timeout + "; states so far: " + states());
            }
            if (e.state().equals(state)) {
                return e;
            }
        }
    }

    synchronized List<StateEvent> states() {
        return List.copyOf(allStates);
    }

    synchronized List<VrpsEvent> vrpEvents() {
        return List.copyOf(allVrps);
    }
}
