package org.openpeering.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for write-only secrets (BGP MD5 keys, webhook secrets): AES-256-GCM with a random 96-bit
 * nonce, the ciphertext bound to its context (e.g. the resource id and field) as associated data.
 *
 * <p>Keys come as a key ring {@code id1:base64key,id2:base64key}: the first encrypts, all decrypt. Rotation: put a
 * new key first and keep the old ones; values written before carry their key id, decrypt with it, and report
 * {@link #needsRotation}; once every stored value is re-encrypted, drop the old key.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(String currentKeyId, Map<String, SecretKeySpec> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /** The ring from its configuration text; fails on a malformed entry or a key that is not 256 bits. */
    public static SecretBox fromKeyRing(String ring) {
        if (ring == null || ring.isBlank()) {
            throw new IllegalArgumentException("The secrets key ring is empty");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : ring.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("A key ring entry must be <id>:<base64 key>");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Key " + parts[0] + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("Key " + parts[0] + " must be 256 bits");
            }
            if (keys.put(parts[0], new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("Key id " + parts[0] + " appears twice");
            }
            if (first == null) {
                first = parts[0];
            }
        }
        return new SecretBox(first, keys);
    }

    /** {@code v1:<key id>:<base64url(nonce || ciphertext || tag)>}. */
    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
        return VERSION + ":" + currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The plaintext; fails (without saying more) when the value was tampered with or belongs to another context. */
    public String decrypt(String stored, String context) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Secret sealed with key " + parts[1] + ", which is not in the key ring");
        }
        byte[] all = Base64.getUrlDecoder().decode(parts[2]);
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(all, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[all.length - NONCE_BYTES];
        System.arraycopy(all, NONCE_BYTES, sealed, 0, sealed.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, sealed), StandardCharsets.UTF_8);
    }

    /** True when the value was sealed with a key other than the current one. */
    public boolean needsRotation(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length != 3 || !parts[1].equals(currentKeyId);
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            // no detail: it would only help someone probing the ciphertext
            throw new IllegalArgumentException("The sealed secret cannot be opened");
        }
    }
}
