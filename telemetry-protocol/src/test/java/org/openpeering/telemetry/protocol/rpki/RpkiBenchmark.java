package org.openpeering.telemetry.protocol.rpki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * The RPKI figures of docs/BENCHMARKS.md (bench/rpki.sh; never in CI): loading a generated rpki-client file of about
 * 800,000 unique VRPs (the 2025 world's size, DOMAIN.md §5), building the set, and RFC 6811 origin validation of
 * one million routes against it. Prints a summary; asserts only that the work was done.
 */
@Tag("benchmark")
class RpkiBenchmark {

    static final int VRPS = Integer.getInteger("bench.vrps", 800_000);
    static final int ROUTES = Integer.getInteger("bench.routes", 1_000_000);

    @Test
    void loadAndValidate() throws Exception {
        Random r = new Random(5);
        StringBuilder json = new StringBuilder(VRPS * 80).append("{\"metadata\":{\"generated\":1764200000},\"roas\":[");
        List<Prefix> routes = new ArrayList<>(ROUTES);
        for (int i = 0; i < VRPS; i++) {
            boolean v6 = i % 4 == 3;
            String prefix;
            int length;
            if (v6) {
                length = 32 + r.nextInt(17);
                prefix = String.format("2%03x:%x::/%d", r.nextInt(0x1000), r.nextInt(0x10000) & ~((1 << Math.max(0, 48
                        - length)) - 1) & 0xffff, length);
                prefix = Prefix.parse(prefix).toString();
            } else {
                length = 16 + r.nextInt(9);
                int address = (1 + r.nextInt(222)) << 24 | r.nextInt(1 << 24);
                address &= -1 << (32 - length);
                prefix = ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                        + (address & 255) + "/" + length;
            }
            int maxLength = Math.min(v6 ? 48 : 24, length + r.nextInt(3));
            json.append(i == 0 ? "" : ",").append("{\"asn\":").append(1 + r.nextInt(400_000)).append(",\"prefix\":\"")
                    .append(prefix).append("\",\"maxLength\":").append(maxLength).append(",\"ta\":\"bench\",\"expires\":")
                    .append(1764800000).append('}');
            if (routes.size() < ROUTES) {
                routes.add(Prefix.parse(prefix));
            }
        }
        json.append("]}");
        while (routes.size() < ROUTES) {
            routes.add(routes.get(r.nextInt(routes.size())));
        }
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        VrpLoad load = VrpFiles.read(new ByteArrayInputStream(bytes));
        long t1 = System.nanoTime();
        VrpSet set = VrpSet.of(load.vrps());
        long t2 = System.nanoTime();

        long[] origins = new long[ROUTES];
        for (int i = 0; i < ROUTES; i++) {
            origins[i] = 1 + r.nextInt(400_000);
        }
        int[] counts = new int[Validity.values().length];
        for (int i = 0; i < 200_000; i++) {
            set.validate(routes.get(i % ROUTES), origins[i % ROUTES]);
        }
        long v0 = System.nanoTime();
        for (int i = 0; i < ROUTES; i++) {
            counts[set.validate(routes.get(i), origins[i]).ordinal()]++;
        }
        long v1 = System.nanoTime();
        if (set.size() < VRPS * 0.9) {
            throw new AssertionError("too few VRPs loaded: " + set.size());
        }
        System.out.printf("%nRPKI BENCHMARK%n");
        System.out.printf("load: %,d bytes of rpki-client JSON, %,d VRPs (%,d duplicates, %,d rejected): parsed in %.2f s,"
                + " set built in %.2f s, %.2f s in all%n", bytes.length, set.size(), load.duplicates(), load.rejected(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
        System.out.printf("validation: %,d routes in %.2f s: %.2f µs per route; %s%n", ROUTES, (v1 - v0) / 1e9,
                (v1 - v0) / 1e3 / ROUTES, Arrays.toString(Validity.values()) + " " + Arrays.toString(counts));
    }
}
