package org.openpeering.gateway.latency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.prefix.v1.MutinyCustomerPrefixServiceGrpc;
import org.openpeering.proto.prefix.v1.PrefixRef;
import org.openpeering.proto.telemetry.v1.ImportRipeAtlasRequest;
import org.openpeering.proto.telemetry.v1.LatencyHour;
import org.openpeering.proto.telemetry.v1.LatencyReport;
import org.openpeering.proto.telemetry.v1.LatencyReportRequest;
import org.openpeering.proto.telemetry.v1.LatencySample;
import org.openpeering.proto.telemetry.v1.LatencySampleBatch;
import org.openpeering.proto.telemetry.v1.LatencyStats;
import org.openpeering.proto.telemetry.v1.MutinyLatencyServiceGrpc;
import org.openpeering.proto.telemetry.v1.UploadSummary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Latency: measurement agents upload samples (JSON lines, or RIPE Atlas ping results with
 * {@code format=ripeAtlas}); customers read the report of one of their prefixes. telemetry-service owns both.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LatencyResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 1000;

    private final MutinyLatencyServiceGrpc.MutinyLatencyServiceStub latency;
    private final MutinyCustomerPrefixServiceGrpc.MutinyCustomerPrefixServiceStub prefixes;
    private final BackendDeadline deadline;

    public LatencyResource(@GrpcClient("telemetry") MutinyLatencyServiceGrpc.MutinyLatencyServiceStub latency,
            @GrpcClient("prefix") MutinyCustomerPrefixServiceGrpc.MutinyCustomerPrefixServiceStub prefixes,
            BackendDeadline deadline) {
        this.latency = latency;
        this.prefixes = prefixes;
        this.deadline = deadline;
    }

    /**
     * One sample per line: {@code {"timestamp":"2026-11-27T10:00:00Z" (or epoch ms),"location":"Amsterdam",
     * "client":"203.0.113.7","rttMs":12.5,"source":"agent-1"}} ({@code "loss":true} for an unanswered probe). Lines
     * that are not such an object are counted as Malformed; nothing is dropped silently.
     */
    @Access({ Role.AGENT })
    @POST
    @Path("telemetry/v1/latencySamples")
    public Uni<ObjectNode> upload(@QueryParam("format") String format, String body) {
        if (format != null && !format.isBlank()) {
            if (!format.equalsIgnoreCase("ripeAtlas")) {
                throw ArmException.badArgument("format", "format is 'ripeAtlas' (RIPE Atlas ping results) or absent"
                        + " (JSON lines of samples).");
            }
            return Backends.call("telemetry-service", deadline.on(latency).importRipeAtlas(ImportRipeAtlasRequest
                    .newBuilder().setJson(ByteString.copyFromUtf8(body == null ? "" : body)).build()))
                    .map(s -> summary(s, 0));
        }
        List<LatencySampleBatch> batches = new ArrayList<>();
        LatencySampleBatch.Builder batch = LatencySampleBatch.newBuilder();
        int malformed = 0;
        for (String line : (body == null ? "" : body).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            LatencySample s = parse(line);
            if (s == null) {
                malformed++;
                continue;
            }
            batch.addSamples(s);
            if (batch.getSamplesCount() == BATCH) {
                batches.add(batch.build());
                batch = LatencySampleBatch.newBuilder();
            }
        }
        if (batch.getSamplesCount() > 0) {
            batches.add(batch.build());
        }
        int refusedHere = malformed;
        return Backends.call("telemetry-service", deadline.on(latency).uploadSamples(Multi.createFrom().iterable(batches)))
                .map(s -> summary(s, refusedHere));
    }

    static LatencySample parse(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject() || !n.path("location").isTextual() || !n.path("client").isTextual()) {
                return null;
            }
            LatencySample.Builder s = LatencySample.newBuilder().setLocation(n.get("location").textValue())
                    .setClient(n.get("client").textValue()).setSource(n.path("source").asText(""));
            JsonNode ts = n.get("timestamp");
            if (ts != null && ts.isIntegralNumber()) {
                s.setTimestampMillis(ts.longValue());
            } else if (ts != null && ts.isTextual()) {
                s.setTimestampMillis(Instant.parse(ts.textValue()).toEpochMilli());
            } else {
                return null;
            }
            if (n.path("loss").asBoolean(false)) {
                return s.setLoss(true).build();
            }
            JsonNode rtt = n.get("rttMs");
            if (rtt == null || !rtt.isNumber()) {
                return null;
            }
            return s.setRttMs(rtt.doubleValue()).build();
        } catch (Exception e) {
            return null;
        }
    }

    private static ObjectNode summary(UploadSummary s, int malformed) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("accepted", s.getAccepted());
        o.put("losses", s.getLosses());
        Map<String, Long> rejected = new TreeMap<>(s.getRejectedMap());
        if (malformed > 0) {
            rejected.merge("Malformed", (long) malformed, Long::sum);
        }
        ObjectNode r = o.putObject("rejected");
        rejected.forEach(r::put);
        return o;
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
            + "/peeringServices/{peeringServiceName}/prefixes/{prefixName}/latency")
    public Uni<ObjectNode> report(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @PathParam("prefixName") String name,
            @QueryParam("window") String window, @QueryParam("location") String location) {
        ArmNames.subscription(s);
        ArmNames.resourceGroup(g);
        ArmNames.name(ps, "peeringServiceName");
        ArmNames.name(name, "prefixName");
        if (window == null || window.isBlank()) {
            throw ArmException.badArgument("window", "The window query parameter is required: PT6H, PT12H, P1D, P7D"
                    + " or P30D.");
        }
        return Backends.call("prefix-service", deadline.on(prefixes).getPrefix(PrefixRef.newBuilder().setSubscriptionId(s)
                .setResourceGroup(g).setPeeringServiceName(ps).setName(name).build()))
                .chain(p -> Backends.call("telemetry-service", deadline.on(latency).getLatencyReport(LatencyReportRequest
                        .newBuilder().setPrefix(p.getPrefix()).setWindow(window).setLocation(location == null ? "" : location)
                        .build())).map(r -> toArm(s, g, ps, name, p.getPrefix(), r)));
    }

    static ObjectNode toArm(String s, String g, String ps, String name, String prefix, LatencyReport r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/subscriptions/" + s + "/resourceGroups/" + g + "/providers/Microsoft.Peering/peeringServices/" + ps
                + "/prefixes/" + name + "/latency");
        o.put("name", "latency");
        o.put("type", "Microsoft.Peering/peeringServices/prefixes/latency");
        ObjectNode p = o.putObject("properties");
        p.put("prefix", prefix);
        p.put("reportedPrefix", r.getReportedPrefix());
        p.put("window", r.getWindow());
        p.put("from", r.getFrom());
        p.put("to", r.getTo());
        p.put("significantDigits", r.getSignificantDigits());
        p.set("overall", stats(r.getOverall()));
        var hourly = p.putArray("hourly");
        r.getHourlyList().forEach(h -> hourly.add(hour(h)));
        var locations = p.putArray("locations");
        r.getLocationsList().forEach(l -> {
            ObjectNode lo = locations.addObject();
            lo.put("location", l.getLocation());
            lo.set("stats", stats(l.getStats()));
        });
        return o;
    }

    private static ObjectNode hour(LatencyHour h) {
        ObjectNode o = stats(h.getStats());
        o.put("hour", h.getHour());
        o.put("lowConfidence", h.getLowConfidence());
        return o;
    }

    private static ObjectNode stats(LatencyStats s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("count", s.getCount());
        o.put("losses", s.getLosses());
        o.put("lossRatio", s.getLossRatio());
        if (s.getCount() > 0) {
            o.put("minMs", s.getMinMs());
            o.put("maxMs", s.getMaxMs());
            o.put("p50Ms", s.getP50Ms());
            o.put("p75Ms", s.getP75Ms());
            o.put("p95Ms", s.getP95Ms());
            o.put("p99Ms", s.getP99Ms());
        }
        return o;
    }
}
