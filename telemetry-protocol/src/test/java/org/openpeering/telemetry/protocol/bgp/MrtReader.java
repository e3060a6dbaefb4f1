package org.openpeering.telemetry.protocol.bgp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only reader of MRT BGP4MP message records (RFC 6396 §4.4, RFC 8050 for ADD-PATH subtypes). State-change
 * records and other MRT types are skipped.
 */
final class MrtReader {

    static final int BGP4MP = 16;
    static final int BGP4MP_ET = 17;

    /** One BGP message as the collector saw it. */
    record Record(long timestamp, int subtype, long peerAs, long localAs, String peerAddress, byte[] bgpMessage) {

        /** MESSAGE_AS4 and its LOCAL / ADDPATH variants: the session spoke 4-octet AS_PATH. */
        boolean fourOctetAs() {
            return subtype == 4 || subtype == 7 || subtype == 9 || subtype == 11;
        }

        boolean addPath() {
            return subtype >= 8 && subtype <= 11;
        }
    }

    private MrtReader() {
    }

    static List<Record> read(byte[] file) {
        List<Record> out = new ArrayList<>();
        int p = 0;
        while (p < file.length) {
            if (file.length - p < 12) {
                throw new IllegalArgumentException("truncated MRT header at " + p);
            }
            long timestamp = Wire.u32(file, p);
            int type = Wire.u16(file, p + 4);
            int subtype = Wire.u16(file, p + 6);
            long length = Wire.u32(file, p + 8);
            int body = p + 12;
            int end = (int) (body + length);
            if (end > file.length) {
                throw new IllegalArgumentException("truncated MRT record at " + p);
            }
            p = end;
            if (type != BGP4MP && type != BGP4MP_ET) {
                continue;
            }
            int q = type == BGP4MP_ET ? body + 4 : body; // extended timestamp: microseconds first
            boolean as4 = subtype == 4 || subtype == 7 || subtype == 9 || subtype == 11;
            boolean message = as4 || subtype == 1 || subtype == 6 || subtype == 8 || subtype == 10;
            if (!message) {
                continue; // STATE_CHANGE and friends
            }
            long peerAs = as4 ? Wire.u32(file, q) : Wire.u16(file, q);
            long localAs = as4 ? Wire.u32(file, q + 4) : Wire.u16(file, q + 2);
            q += as4 ? 8 : 4;
            q += 2; // interface index
            int afi = Wire.u16(file, q);
            q += 2;
            int addressLength = afi == 2 ? 16 : 4;
            String peer = IpText.of(file, q, addressLength);
            q += 2 * addressLength;
            out.add(new Record(timestamp, subtype, peerAs, localAs, peer, Arrays.copyOfRange(file, q, end)));
        }
        return out;
    }
}
