package org.openpeering.telemetry.protocol.bmp;

/**
 * Malformed BMP input. It is checked on purpose: a router that sends one bad byte has lost framing or
 * is buggy, and the station is expected to close that router's connection rather than guess, so
 * callers must decide explicitly what to do with it.
 */
public final class BmpException extends Exception {

    private static final long serialVersionUID = 1L;

    public BmpException(String message) {
        super(message);
    }
}
