package org.openpeering.telemetry.protocol.rpki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * Reads VRP files as validators publish them:
 * <ul>
 * <li>rpki-client: {@code {"metadata":{...},"roas":[{"asn":13335,"prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic","expires":...}]}}</li>
 * <li>Routinator {@code json}: the same with {@code "asn":"AS13335"}; its {@code jsonext} form names the trust
 * anchor in {@code "source":[{"tal":...}]} instead of {@code "ta"}.</li>
 * </ul>
 * The file is streamed (a full table is ~800,000 entries, ~100 MB as a tree). Entries repeating an earlier
 * (prefix, maxLength, asn) are counted as duplicates and the first one kept: the world's VRP set has many, since
 * several ROAs and trust anchors may say the same thing. Entries that cannot be a VRP (maxLength below the prefix
 * length or beyond 32/128, a bad prefix or AS) are rejected and counted rather than failing the whole file, as one bad
 * ROA must not take RPKI away for everyone; a file that is not such JSON at all fails with an {@link IOException}.
 */
public final class VrpFiles {

    /** How many rejection reasons to keep: enough for a log line. */
    static final int MAX_PROBLEMS = 10;

    private static final JsonFactory JSON = JsonFactory.builder()
            // the caller opened the stream, the caller closes it
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private VrpFiles() {
    }

    public static VrpLoad read(InputStream json) throws IOException {
        Reader reader = new Reader();
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new IOException("VRP file: expected a JSON object with a \"roas\" array, found "
                        + (t == null ? "no content" : t.asString() == null ? t.name() : t.asString()) + at(p));
            }
            boolean sawRoas = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if ("roas".equals(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new IOException("VRP file: \"roas\" is not an array" + at(p));
                    }
                    reader.roas(p);
                    sawRoas = true;
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IOException("VRP file: unexpected " + t + at(p));
            }
            if (p.nextToken() != null) {
                throw new IOException("VRP file: content after the top-level object" + at(p));
            }
            if (!sawRoas) {
                throw new IOException("VRP file: no \"roas\" array (expected rpki-client or Routinator JSON output)");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new IOException("VRP file is not valid JSON: " + e.getOriginalMessage()
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"), e);
        }
        return new VrpLoad(reader.vrps, reader.duplicates, reader.rejected, reader.problems);
    }

    private static String at(JsonParser p) {
        JsonLocation loc = p.currentLocation();
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** De-duplication key: RFC 8210's record identity, ignoring the trust anchor. */
    private record Key(Prefix prefix, int maxLength, long asn) {
    }

    private static final class Reader {
        final List<Vrp> vrps = new ArrayList<>();
        final Set<Key> seen = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        /** Trust anchor names repeat hundreds of thousands of times: keep one String each. */
        final Map<String, String> anchors = new HashMap<>();
        int duplicates;
        int rejected;

        void roas(JsonParser p) throws IOException {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException("VRP file: truncated inside \"roas\"" + at(p));
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    reject(index, "not an object");
                } else {
                    roa(p, index);
                }
                index++;
            }
        }

        private void roa(JsonParser p, int index) throws IOException {
            String prefixText = null;
            long asn = -1;
            String asnProblem = "no asn";
            long maxLength = -1;
            String maxLengthProblem = null;
            String ta = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                switch (field) {
                    case "asn" -> {
                        String raw = p.getText();
                        asn = asn(p, t);
                        asnProblem = asn < 0 ? "bad asn " + raw : null;
                    }
                    case "prefix" -> prefixText = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "maxLength" -> {
                        String raw = p.getText();
                        maxLength = integer(p, t);
                        maxLengthProblem = maxLength < 0 ? "bad maxLength " + raw : null;
                    }
                    case "ta" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            ta = anchor(p.getText());
                        }
                    }
                    case "source" -> {
                        String tal = routinatorTal(p, t);
                        if (ta == null && tal != null) {
                            ta = anchor(tal);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IOException("VRP file: truncated inside roas[" + index + "]" + at(p));
            }
            if (prefixText == null) {
                reject(index, "no prefix");
                return;
            }
            if (asnProblem != null) {
                reject(index, prefixText + ": " + asnProblem);
                return;
            }
            if (maxLengthProblem != null) {
                reject(index, prefixText + ": " + maxLengthProblem);
                return;
            }
            Vrp vrp;
            try {
                Prefix prefix = PrefixText.parse(prefixText);
                // RFC 6482 §3.3: an absent maxLength means exactly the prefix length
                int max = maxLength < 0 ? Vrp.prefixLength(prefix) : (int) Math.min(maxLength, Integer.MAX_VALUE);
                vrp = new Vrp(prefix, max, asn, ta);
            } catch (IllegalArgumentException e) {
                reject(index, prefixText + ": " + e.getMessage());
                return;
            }
            if (seen.add(new Key(vrp.prefix(), vrp.maxLength(), vrp.asn()))) {
                vrps.add(vrp);
            } else {
                duplicates++;
            }
        }

        /** 13335, "AS13335", "as13335" or "13335"; -1 if none of these or out of the 4-octet range. */
        private static long asn(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    return -1;
                }
                long v = p.getLongValue();
                return v >= 0 && v <= Vrp.MAX_ASN ? v : -1;
            }
            if (t != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return -1;
            }
            String s = p.getText();
            int from = s.regionMatches(true, 0, "AS", 0, 2) ? 2 : 0;
            return digits(s, from, Vrp.MAX_ASN);
        }

        /** A non-negative integer given as a number or a string of digits; -1 otherwise. */
        private static long integer(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    return -1;
                }
                int v = p.getIntValue();
                return v >= 0 ? v : -1;
            }
            if (t == JsonToken.VALUE_STRING) {
                return digits(p.getText(), 0, Integer.MAX_VALUE);
            }
            p.skipChildren();
            return -1;
        }

        private static long digits(String s, int from, long max) {
            int n = s.length() - from;
            if (n < 1 || n > 10) {
                return -1;
            }
            long v = 0;
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v <= max ? v : -1;
        }

        /** Routinator jsonext: {@code "source":[{"type":"roa","uri":...,"tal":"ripe",...}]}; the first tal named. */
        private static String routinatorTal(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                return null;
            }
            String tal = null;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException("VRP file: truncated inside \"source\"" + at(p));
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    t = p.nextToken();
                    if ("tal".equals(field) && t == JsonToken.VALUE_STRING && tal == null) {
                        tal = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IOException("VRP file: truncated inside \"source\"" + at(p));
                }
            }
            return tal;
        }

        private String anchor(String name) {
            return anchors.computeIfAbsent(name, n -> n);
        }

        private void reject(int index, String why) {
            rejected++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add("roas[" + index + "]: " + why);
            }
        }
    }
}
