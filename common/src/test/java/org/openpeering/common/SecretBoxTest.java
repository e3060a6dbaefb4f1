package org.openpeering.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String k1 = "k1:" + key();
    private final String k2 = "k2:" + key();
    private static final String CTX = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Peering/peerings/p#md5";

    @Test
    void sealsAndOpensWithoutTheSecretAppearingInTheStoredValue() {
        SecretBox box = SecretBox.fromKeyRing(k1);
        String sealed = box.encrypt("s3cr3t-md5-key", CTX);
        assertFalse(sealed.contains("s3cr3t"));
        assertTrue(sealed.startsWith("v1:k1:"));
        assertNotEquals(sealed, box.encrypt("s3cr3t-md5-key", CTX), "a fresh nonce every time");
        assertEquals("s3cr3t-md5-key", box.decrypt(sealed, CTX));
    }

    @Test
    void refusesTamperedValuesAndOtherContexts() {
        SecretBox box = SecretBox.fromKeyRing(k1);
        String sealed = box.encrypt("s3cr3t", CTX);
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(sealed, CTX + "x"));
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> box.decrypt(tampered, CTX));
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void rotationKeepsOldValuesReadableAndSaysWhichToReseal() {
        String old = SecretBox.fromKeyRing(k1).encrypt("before", CTX);
        SecretBox rotated = SecretBox.fromKeyRing(k2 + "," + k1);
        assertEquals("before", rotated.decrypt(old, CTX));
        assertTrue(rotated.needsRotation(old));
        String fresh = rotated.encrypt("after", CTX);
        assertTrue(fresh.startsWith("v1:k2:"));
        assertFalse(rotated.needsRotation(fresh));
        assertThrows(IllegalStateException.class, () -> SecretBox.fromKeyRing(k2).decrypt(old, CTX),
                "a value whose key left the ring cannot be opened");
    }

    @Test
    void refusesMalformedKeyRings() {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromKeyRing(""));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromKeyRing("k1:c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromKeyRing("no-colon"));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromKeyRing(k1 + "," + k1));
    }
}
