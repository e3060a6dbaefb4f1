package org.openpeering.telemetry.protocol.bgp;

import java.util.Map;

/**
 * The Graceful Restart capability (RFC 4724 §3).
 *
 * @param restarting          the R bit: the sender has restarted and its peer must not wait for End-of-RIB from
 *                            itself before sending its own
 * @param restartTimeSeconds  12 bits, 0..4095
 * @param forwardingPreserved per family, the F bit (forwarding state kept across the restart); a family listed
 *                            here is one the sender can restart gracefully for
 */
public record GracefulRestart(boolean restarting, int restartTimeSeconds, Map<AfiSafi, Boolean> forwardingPreserved) {

    public GracefulRestart {
        if (restartTimeSeconds < 0 || restartTimeSeconds > 0xFFF) {
            throw new IllegalArgumentException("restart time is 12 bits: " + restartTimeSeconds);
        }
        forwardingPreserved = Wire.enumMap(AfiSafi.class, forwardingPreserved);
    }
}
