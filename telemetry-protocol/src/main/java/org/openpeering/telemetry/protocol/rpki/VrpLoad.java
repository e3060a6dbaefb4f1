package org.openpeering.telemetry.protocol.rpki;

import java.util.List;

/**
 * What reading a VRP file produced: the unique VRPs, how many entries repeated an earlier (prefix, maxLength, asn),
 * how many were refused, and the first few reasons for refusal (enough for a log line, not a flood).
 */
public record VrpLoad(List<Vrp> vrps, int duplicates, int rejected, List<String> problems) {

    public VrpLoad {
        vrps = List.copyOf(vrps);
        problems = List.copyOf(problems);
        if (duplicates < 0 || rejected < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }
}
