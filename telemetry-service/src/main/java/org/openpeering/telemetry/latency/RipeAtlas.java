package org.openpeering.telemetry.latency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openpeering.proto.telemetry.v1.LatencySample;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * RIPE Atlas ping results (the measurement result format of the Atlas API, {@code "type":"ping"}): the client is the
 * probe's public address ({@code from}, else {@code src_addr}); {@code dst_addr} must be an edge address (its
 * location is the sample's); each {@code result[]} entry with {@code rtt} is a sample, {@code x:"*"} a loss, and
 * {@code error} a refused probe answer. Input is a JSON array of results or one result per line.
 */
public final class RipeAtlas {

    /** Samples, and what could not become one (reason per entry). */
    public record Parsed(List<LatencySample> samples, List<String> refused) {
    }

    private RipeAtlas() {
    }

    public static Parsed parse(byte[] json, EdgeLocations edges) {
        List<LatencySample> samples = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String text = new String(json, StandardCharsets.UTF_8).trim();
        List<Object> results = new ArrayList<>();
        if (text.startsWith("[")) {
            try {
                new JsonArray(text).forEach(results::add);
            } catch (DecodeException e) {
                refused.add(SampleRules.MALFORMED);
                return new Parsed(samples, refused);
            }
        } else {
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    results.add(new JsonObject(line));
                } catch (DecodeException e) {
                    refused.add(SampleRules.MALFORMED);
                }
            }
        }
        for (Object o : results) {
            if (!(o instanceof JsonObject r)) {
                refused.add(SampleRules.MALFORMED);
                continue;
            }
            result(r, edges, samples, refused);
        }
        return new Parsed(samples, refused);
    }

    private static void result(JsonObject r, EdgeLocations edges, List<LatencySample> samples, List<String> refused) {
        Object entries = r.getValue("result");
        String type = r.getString("type", "ping");
        Object ts = r.getValue("timestamp");
        String from = r.getString("from", r.getString("src_addr"));
        String dst = r.getString("dst_addr");
        if (!"ping".equals(type) || !(entries instanceof JsonArray list) || !(ts instanceof Number)
                || from == null || dst == null) {
            refused.add(SampleRules.MALFORMED);
            return;
        }
        String location = edges.locationOfAddress(dst);
        String source = "ripe-atlas:" + r.getValue("prb_id", "?") + ":" + r.getValue("msm_id", "?");
        long millis = ((Number) ts).longValue() * 1000;
        for (Object e : list) {
            if (!(e instanceof JsonObject entry)) {
                refused.add(SampleRules.MALFORMED);
                continue;
            }
            if (location == null) {
                refused.add(SampleRules.UNKNOWN_LOCATION);
                continue;
            }
            LatencySample.Builder s = LatencySample.newBuilder().setTimestampMillis(millis).setLocation(location)
                    .setClient(from).setSource(source);
            if (entry.getValue("rtt") instanceof Number rtt) {
                samples.add(s.setRttMs(rtt.doubleValue()).build());
            } else if ("*".equals(entry.getValue("x"))) {
                samples.add(s.setLoss(true).build());
            } else if (entry.containsKey("error")) {
                refused.add(SampleRules.PROBE_ERROR);
            } else {
                refused.add(SampleRules.MALFORMED);
            }
        }
    }
}
