package org.openpeering.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for webhook tests on 127.0.0.1: records every delivery (headers and body), answers the
 * scripted statuses first and 200 after them, and checks signatures the way a receiver would (ARM-API.md:
 * {@code sha256=<hex HMAC-SHA256 of "<X-Peering-Timestamp>.<body>">}).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received; {@code path} includes the query. */
    public record Received(String path, String event, String delivery, String timestamp, String signature,
            String userAgent, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Queue<Integer> script = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            Integer status;
            synchronized (this) {
                received.add(new Received(exchange.getRequestURI().toString(), h.getFirst("X-Peering-Event"),
                        h.getFirst("X-Peering-Delivery"), h.getFirst("X-Peering-Timestamp"),
                        h.getFirst("X-Peering-Signature"), h.getFirst("User-Agent"), h.getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8)));
                status = script.poll();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver (e.g. "/hook"). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order (200 after them). */
    public synchronized void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    public synchronized List<Received> all() {
        return List.copyOf(received);
    }

    /** Deliveries of the event type to paths starting with the prefix. */
    public synchronized List<Received> of(String pathPrefix, String eventType) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix) && eventType.equals(r.event())).toList();
    }

    /** The signature header a receiver holding the secret expects for this delivery. */
    public static String expectedSignature(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((r.timestamp() + "." + r.body())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
