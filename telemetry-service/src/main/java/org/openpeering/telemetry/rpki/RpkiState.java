package org.openpeering.telemetry.rpki;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.rpki.Validity;
import org.openpeering.telemetry.protocol.rpki.VrpSet;

/** The VRPs in force (from files or an RTR cache); "Unknown" for every route until some are loaded. */
@ApplicationScoped
public class RpkiState {

    private volatile VrpSet vrps;
    private volatile String source = "none";

    public void replace(VrpSet next, String from) {
        this.vrps = next;
        this.source = from;
    }

    public void clear(String why) {
        this.vrps = null;
        this.source = why;
    }

    public VrpSet current() {
        return vrps;
    }

    public String source() {
        return source;
    }

    /** RFC 6811 state as the API writes it: Valid, Invalid, NotFound, or Unknown without RPKI data. */
    public String state(Prefix prefix, Long originAs) {
        VrpSet v = vrps;
        if (v == null) {
            return "Unknown";
        }
        return v.validate(prefix, originAs).rpkiState();
    }

    /** The finer state: Valid, InvalidOrigin, InvalidLength, NotFound, Unknown. */
    public String detail(Prefix prefix, Long originAs) {
        VrpSet v = vrps;
        if (v == null) {
            return "Unknown";
        }
        return detail(v.validate(prefix, originAs));
    }

    /** Valid, InvalidOrigin, InvalidLength or NotFound. */
    public static String detail(Validity r) {
        return switch (r) {
            case VALID -> "Valid";
            case INVALID_ORIGIN -> "InvalidOrigin";
            case INVALID_LENGTH -> "InvalidLength";
            case NOT_FOUND -> "NotFound";
        };
    }
}
