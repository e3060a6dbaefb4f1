package org.openpeering.prefix.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The delivery signature of ARM-API.md: {@code X-Peering-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}
 * keyed with the webhook's secret, where the timestamp is the {@code X-Peering-Timestamp} header (Unix seconds).
 */
public final class Signatures {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            byte[] digest = mac.doFinal(body);
            char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return "sha256=" + new String(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
