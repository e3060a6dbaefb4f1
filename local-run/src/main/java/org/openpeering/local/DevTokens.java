package org.openpeering.local;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development tokens: RS256 JWTs signed by a key that only the local run (and tests) configure the gateway to
 * trust. The key lives in the local state directory; its public half is served to the gateway as a JWKS file.
 */
public final class DevTokens {

    public static final String ISSUER = "https://openpeering.local/dev";
    public static final String AUDIENCE = "openpeering";
    public static final List<String> ALL_ROLES = List.of("customer", "partner", "operator", "agent");

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    private DevTokens(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, String keyId) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId;
    }

    /** A fresh key pair (tests). */
    public static DevTokens generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            return new DevTokens((RSAPrivateCrtKey) kp.getPrivate(), (RSAPublicKey) kp.getPublic(),
                    "dev-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key kept in {@code dir} (created on first use), with {@code jwks.json} written beside it. */
    public static DevTokens loadOrCreate(Path dir) throws IOException {
        Path key = dir.resolve("dev-signing-key.pk8");
        Path kidFile = dir.resolve("dev-signing-key.kid");
        DevTokens tokens;
        if (Files.isRegularFile(key) && Files.isRegularFile(kidFile)) {
            try {
                KeyFactory kf = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(key).trim())));
                RSAPublicKey pub = (RSAPublicKey) kf.generatePublic(
                        new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
                tokens = new DevTokens(priv, pub, Files.readString(kidFile).trim());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("Unreadable development key " + key + ": delete it to make a new one", e);
            }
        } else {
            tokens = generate();
            Files.createDirectories(dir);
            Files.writeString(key, Base64.getEncoder().encodeToString(tokens.privateKey.getEncoded()));
            Files.writeString(kidFile, tokens.keyId);
        }
        Files.writeString(dir.resolve("jwks.json"), tokens.jwks());
        return tokens;
    }

    /** The public key as a JSON Web Key Set. */
    public String jwks() {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
                + unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent())
                + "\"}]}";
    }

    /** A token valid for {@code ttl} from now. */
    public String mint(String subject, List<String> subscriptions, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        return mint(subject, subscriptions, roles, now, now.plus(ttl), AUDIENCE);
    }

    /** A token with explicit times and audience (tests make expired and foreign-audience tokens with it). */
    public String mint(String subject, List<String> subscriptions, List<String> roles, Instant issuedAt,
            Instant expiresAt, String audience) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + json(audience) + "\",\"sub\":\"" + json(subject)
                + "\",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"subscriptions\":" + array(subscriptions)
                + ",\"roles\":" + array(roles) + "}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            byte[] t = new byte[b.length - 1];
            System.arraycopy(b, 1, t, 0, t.length);
            b = t;
        }
        return B64.encodeToString(b);
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + json(v) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
