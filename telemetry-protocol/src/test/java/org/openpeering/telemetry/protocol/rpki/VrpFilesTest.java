package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

class VrpFilesTest {

    private static VrpLoad read(String json) throws IOException {
        return VrpFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Vrp vrp(String prefix, int maxLength, long asn, String ta) {
        return new Vrp(Prefix.parse(prefix), maxLength, asn, ta);
    }

    @Test
    void readsRpkiClientOutputIgnoringMetadataAndUnknownFields() throws IOException {
        VrpLoad load = read("""
                {"metadata":{"buildmachine":"x","buildtime":"2026-11-26T00:00:00Z","roas":12,"elapsedtime":3},
                 "roas":[
                  {"asn":13335,"prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic","expires":1790000000},
                  {"asn":64510,"prefix":"203.0.113.0/24","maxLength":24,"ta":"ripe","expires":1,"extra":{"a":[1,{"b":2}]}}
                 ],
                 "bgpsec_keys":[{"asn":1,"ski":"00","pubkey":"00","ta":"x","expires":1}],
                 "aspas":[]}
                """);
        assertEquals(List.of(vrp("1.1.1.0/24", 24, 13335, "apnic"), vrp("203.0.113.0/24", 24, 64510, "ripe")),
                load.vrps());
        assertEquals(0, load.duplicates());
        assertEquals(0, load.rejected());
        assertEquals(List.of(), load.problems());
    }

    @Test
    void readsRoutinatorOutputWithAsPrefixedAsNumbers() throws IOException {
        VrpLoad load = read("""
                {"metadata":{"generated":1790000000,"generatedTime":"2026-09-21T00:00:00Z"},
                 "roas":[{"asn":"AS13335","prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic"},
                         {"asn":"as64511","prefix":"2001:db8::/32","maxLength":48,"ta":"arin"},
                         {"asn":"AS64512","prefix":"198.51.100.0/24","maxLength":24,
                          "source":[{"type":"roa","uri":"rsync://x/y.roa","tal":"lacnic","validity":{}}]}]}
                """);
        assertEquals(List.of(vrp("1.1.1.0/24", 24, 13335, "apnic"), vrp("2001:db8::/32", 48, 64511, "arin"),
                vrp("198.51.100.0/24", 24, 64512, "lacnic")), load.vrps());
    }

    @Test
    void countsRepeatedPrefixMaxLengthAndAsAsDuplicatesKeepingTheFirst() throws IOException {
        VrpLoad load = read("""
                {"roas":[{"asn":64510,"prefix":"203.0.113.0/24","maxLength":24,"ta":"ripe"},
                         {"asn":"AS64510","prefix":"203.0.113.0/24","maxLength":24,"ta":"apnic"},
                         {"asn":64510,"prefix":"203.0.113.0/24","maxLength":25,"ta":"ripe"},
                         {"asn":64511,"prefix":"203.0.113.0/24","maxLength":24,"ta":"ripe"},
                         {"asn":64510,"prefix":"203.0.113.0/24","maxLength":24,"ta":"ripe"}]}
                """);
        assertEquals(2, load.duplicates());
        assertEquals(List.of(vrp("203.0.113.0/24", 24, 64510, "ripe"), vrp("203.0.113.0/24", 25, 64510, "ripe"),
                vrp("203.0.113.0/24", 24, 64511, "ripe")), load.vrps());
    }

    @Test
    void rejectsAndCountsMaxLengthsOutsideThePrefixAndTheFamily() throws IOException {
        VrpLoad load = read("""
                {"roas":[{"asn":64510,"prefix":"203.0.113.0/24","maxLength":23,"ta":"t"},
                         {"asn":64510,"prefix":"203.0.113.0/24","maxLength":33,"ta":"t"},
                         {"asn":64511,"prefix":"2001:db8::/32","maxLength":129,"ta":"t"},
                         {"asn":64511,"prefix":"2001:db8::/32","maxLength":31,"ta":"t"},
                         {"asn":64511,"prefix":"2001:db8::/32","maxLength":128,"ta":"t"},
                         {"asn":64510,"prefix":"203.0.113.0/24","maxLength":32,"ta":"t"}]}
                """);
        assertEquals(4, load.rejected());
        assertEquals(List.of(vrp("2001:db8::/32", 128, 64511, "t"), vrp("203.0.113.0/24", 32, 64510, "t")),
                load.vrps());
        assertEquals(4, load.problems().size());
        assertTrue(load.problems().get(0).startsWith("roas[0]: 203.0.113.0/24"), load.problems().get(0));
        assertTrue(load.problems().get(0).contains("maxLength 23"), load.problems().get(0));
        assertTrue(load.problems().get(1).contains("maxLength 33"), load.problems().get(1));
    }

    @Test
    void rejectsEntriesThatCannotBeVrpsWithoutFailingTheFile() throws IOException {
        VrpLoad load = read("""
                {"roas":[{"asn":64510,"prefix":"203.0.113.1/24","maxLength":24},
                         {"asn":64510,"prefix":"example.com/24","maxLength":24},
                         {"asn":"ASX","prefix":"203.0.113.0/24","maxLength":24},
                         {"asn":4294967296,"prefix":"203.0.113.0/24","maxLength":24},
                         {"prefix":"203.0.113.0/24","maxLength":24},
                         {"asn":64510,"maxLength":24},
                         {"asn":64510,"prefix":"203.0.113.0/24","maxLength":"x"},
                         [1,2],
                         {"asn":64510,"prefix":"192.0.2.0/24","maxLength":24}]}
                """);
        assertEquals(8, load.rejected());
        assertEquals(List.of(vrp("192.0.2.0/24", 24, 64510, null)), load.vrps());
        assertTrue(load.problems().get(0).contains("host bits"), load.problems().get(0));
        assertTrue(load.problems().get(2).contains("bad asn ASX"), load.problems().get(2));
        assertEquals("roas[7]: not an object", load.problems().get(7));
    }

    @Test
    void keepsOnlyTheFirstFewProblemsButCountsThemAll() throws IOException {
        StringBuilder json = new StringBuilder("{\"roas\":[");
        for (int i = 0; i < 50; i++) {
            json.append(i == 0 ? "" : ",").append("{\"asn\":1,\"prefix\":\"10.0.0.0/8\",\"maxLength\":7}");
        }
        VrpLoad load = read(json.append("]}").toString());
        assertEquals(50, load.rejected());
        assertEquals(VrpFiles.MAX_PROBLEMS, load.problems().size());
    }

    @Test
    void readsIpv6EntriesInEveryTextForm() throws IOException {
        VrpLoad load = read("""
                {"roas":[{"asn":64511,"prefix":"2001:db8::/32","maxLength":48,"ta":"t"},
                         {"asn":64511,"prefix":"2001:DB8:0:0:0:0:0:0/33","maxLength":48,"ta":"t"},
                         {"asn":64511,"prefix":"2001:db8:1::/48","maxLength":48,"ta":"t"},
                         {"asn":64511,"prefix":"::/0","maxLength":0,"ta":"t"},
                         {"asn":64511,"prefix":"2001:db8::ff00:42:8329/128","maxLength":128,"ta":"t"}]}
                """);
        assertEquals(0, load.rejected(), load.problems().toString());
        assertEquals(List.of(Prefix.parse("2001:db8::/32"), Prefix.parse("2001:db8::/33"), Prefix.parse("2001:db8:1::/48"),
                Prefix.parse("::/0"), Prefix.parse("2001:db8::ff00:42:8329/128")),
                load.vrps().stream().map(Vrp::prefix).toList());
        assertEquals(128, load.vrps().get(4).maxLength());
        assertTrue(load.vrps().stream().allMatch(v -> v.prefix().isV6()));
    }

    @Test
    void anAbsentMaxLengthMeansThePrefixLength() throws IOException {
        VrpLoad load = read("{\"roas\":[{\"asn\":64510,\"prefix\":\"203.0.113.0/24\"}]}");
        assertEquals(List.of(vrp("203.0.113.0/24", 24, 64510, null)), load.vrps());
    }

    private static IOException malformed(String json) {
        return assertThrows(IOException.class, () -> read(json));
    }

    @Test
    void aFileThatIsNotVrpJsonFailsWithAMessageSayingWhereAndWhat() {
        IOException truncated = malformed("{\"roas\":[{\"asn\":64510,\"prefix\":\"203.0.113.0/24\",\"maxLen");
        assertTrue(truncated.getMessage().startsWith("VRP file"), truncated.getMessage());
        assertTrue(truncated.getMessage().contains("line 1"), truncated.getMessage());

        IOException garbage = malformed("{\"roas\":[{\"asn\":64510,\n \"prefix\": 203.0.113.0/24}]}");
        assertTrue(garbage.getMessage().contains("not valid JSON"), garbage.getMessage());
        assertTrue(garbage.getMessage().contains("line 2"), garbage.getMessage());

        assertTrue(malformed("<html>502 Bad Gateway</html>").getMessage().contains("not valid JSON"));
        assertTrue(malformed("").getMessage().contains("no content"));
        assertTrue(malformed("[]").getMessage().contains("expected a JSON object"));
        assertTrue(malformed("{\"roas\":{}}").getMessage().contains("\"roas\" is not an array"));
        assertTrue(malformed("{\"metadata\":{}}").getMessage().contains("no \"roas\" array"));
        assertTrue(malformed("{\"roas\":[]} {}").getMessage().contains("after the top-level object"));
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = { false };
        InputStream in = new ByteArrayInputStream("{\"roas\":[]}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals(0, VrpFiles.read(in).vrps().size());
        assertTrue(!closed[0]);
    }
}
