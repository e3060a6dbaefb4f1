package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.function.Executable;

/** Hand-written wire bytes for the tests: hex with spaces and comments-by-layout, lengths computed. */
final class BgpTestBytes {

    static final String MARKER = "ffffffffffffffffffffffffffffffff";

    // a valid minimal IPv4 announcement, 4-octet session
    static final String ORIGIN_IGP = "40 01 01 00";
    static final String AS_PATH_64500 = "40 02 06 02 01 0000fbf4";
    static final String NEXT_HOP_192_0_2_1 = "40 03 04 c0000201";
    static final String BASE_ATTRIBUTES = ORIGIN_IGP + AS_PATH_64500 + NEXT_HOP_192_0_2_1;
    static final String NLRI_203_0_113_0_24 = "18 cb0071";

    private BgpTestBytes() {
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Header with the right length around a body. */
    static byte[] message(int type, String bodyHex) {
        byte[] body = hex(bodyHex);
        int length = 19 + body.length;
        return hex(MARKER + String.format("%04x%02x", length, type) + hex(body));
    }

    /** An UPDATE with the two length fields computed. */
    static byte[] update(String withdrawnHex, String attributesHex, String nlriHex) {
        byte[] w = hex(withdrawnHex);
        byte[] a = hex(attributesHex);
        return message(2, String.format("%04x", w.length) + hex(w) + String.format("%04x", a.length) + hex(a)
                + nlriHex);
    }

    static BgpException reset(Executable e) {
        return assertThrows(BgpException.class, e);
    }
}
