package org.openpeering.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks and picks for the local run and tests. */
public final class Ports {

    private Ports() {
    }

    /** True when nothing listens on the port (on any local address). */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // as servers bind: a port held only by connections in TIME_WAIT is free
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the operating system considers free right now. */
    public static int random() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** The first free port from {@code start} on. */
    public static int firstFreeFrom(int start) {
        for (int p = start; p < start + 100; p++) {
            if (isFree(p)) {
                return p;
            }
        }
        throw new IllegalStateException("No free port in " + start + ".." + (start + 99));
    }
}
