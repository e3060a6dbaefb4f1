package org.openpeering.prefix.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openpeering.prefix.validation.ValidationEngine.CustomerInput;
import org.openpeering.prefix.validation.ValidationEngine.Outcome;
import org.openpeering.prefix.validation.ValidationEngine.Route;
import org.openpeering.prefix.validation.ValidationEngine.Session;
import org.openpeering.telemetry.protocol.Prefix;

/** DOMAIN.md §3: for each check, an input that makes exactly that check fail, with the documented sentence. */
class ValidationEngineTest {

    static final Prefix P = Prefix.parse("203.0.113.0/24");
    static final String COMMUNITY = "64496:8007";
    static final ValidationEngine.Irr IRR = irr(Map.of(P, Set.of(64510L)));

    static ValidationEngine.Irr irr(Map<Prefix, Set<Long>> objects) {
        return new ValidationEngine.Irr() {
            @Override
            public boolean applies() {
                return true;
            }

            @Override
            public Set<Long> origins(Prefix prefix) {
                return objects.getOrDefault(prefix, Set.of());
            }
        };
    }

    static Route good() {
        return new Route(List.of("64500", "64510"), 64510, List.of(COMMUNITY), "Valid", List.of("203.0.113.0/24-24 AS64510"));
    }

    static Session session(String location, String router, String ip, Route... routes) {
        return new Session(location, router, ip, true, true, List.of(routes));
    }

    /** Two primary sessions in Amsterdam on two routers and one backup in Frankfurt, all carrying a good route. */
    static CustomerInput input(Route primaryRoute, List<Session> backup) {
        return new CustomerInput(P, true, "Contoso", "Amsterdam",
                List.of(session("Amsterdam", "ams-r1", "192.0.2.1", primaryRoute),
                        session("Amsterdam", "ams-r2", "192.0.2.3", good())),
                "Frankfurt", backup, COMMUNITY, IRR);
    }

    static CustomerInput input(Route primaryRoute) {
        return input(primaryRoute, List.of(session("Frankfurt", "fra-r1", "192.0.2.5", good())));
    }

    static void assertFails(Outcome o, String state, String sentence, String... evidence) {
        assertEquals(state, o.state(), o.message());
        assertTrue(o.message().startsWith(sentence + " Observed: "), o.message());
        for (String e : evidence) {
            assertTrue(o.message().contains(e), "evidence '" + e + "' in: " + o.message());
        }
    }

    @Test
    void allChecksPassingIsVerifiedViaServiceProvider() {
        Outcome o = ValidationEngine.customer(input(good()));
        assertEquals(new Outcome("Verified", null, "ViaServiceProvider"), o);
    }

    @Test
    void check1ProviderNotAProvider() {
        Outcome o = ValidationEngine.customer(new CustomerInput(P, false, "Contoso", "Amsterdam", List.of(), null,
                List.of(), COMMUNITY, IRR));
        assertFails(o, "Failed", "Peering service provider not found", "'Contoso'");
        assertEquals("None", o.learnedType());
    }

    @Test
    void check2PrimaryNeedsTwoSessionsOnTwoRouters() {
        // two sessions, but on one router
        Outcome o = ValidationEngine.customer(new CustomerInput(P, true, "Contoso", "Amsterdam",
                List.of(session("Amsterdam", "ams-r1", "192.0.2.1", good()), session("Amsterdam", "ams-r1", "192.0.2.3",
                        good())), null, List.of(), COMMUNITY, IRR));
        assertFails(o, "Failed", "Provider has fewer than two sessions in its primary location",
                "192.0.2.1 (router ams-r1)", "192.0.2.3 (router ams-r1)", "Amsterdam");
    }

    @Test
    void check3BackupWithoutSessions() {
        Outcome o = ValidationEngine.customer(input(good(), List.of()));
        assertFails(o, "Failed", "Provider has no sessions in its backup location", "Frankfurt");
    }

    @Test
    void check4IncompletePrimaryTableIsPendingWithoutMessage() {
        CustomerInput in = new CustomerInput(P, true, "Contoso", "Amsterdam",
                List.of(session("Amsterdam", "ams-r1", "192.0.2.1", good()),
                        new Session("Amsterdam", "ams-r2", "192.0.2.3", true, false, List.of())),
                null, List.of(), COMMUNITY, IRR);
        Outcome o = ValidationEngine.customer(in);
        assertEquals("Pending", o.state());
        assertNull(o.message());
    }

    @Test
    void check5NotReceivedOnOnePrimarySessionNamesIt() {
        CustomerInput in = new CustomerInput(P, true, "Contoso", "Amsterdam",
                List.of(session("Amsterdam", "ams-r1", "192.0.2.1", good()), session("Amsterdam", "ams-r2", "192.0.2.3")),
                null, List.of(), COMMUNITY, IRR);
        Outcome o = ValidationEngine.customer(in);
        assertFails(o, "Failed", ValidationEngine.NOT_RECEIVED, "not in the table of 192.0.2.3 (router ams-r2)");
        assertTrue(!o.message().contains("192.0.2.1"), "the session that has it is not blamed: " + o.message());
        assertEquals("ViaServiceProvider", o.learnedType());
    }

    @Test
    void check6MissingCommunity() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64510"), 64510, List.of("64500:100"),
                "Valid", List.of())));
        assertFails(o, "Failed", ValidationEngine.NO_COMMUNITY, "192.0.2.1 (router ams-r1)", "64500:100",
                "expected 64496:8007");
    }

    @Test
    void check7Prepending() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64500", "64510"), 64510,
                List.of(COMMUNITY), "Valid", List.of())));
        assertFails(o, "Failed", "AS path isn't correct", "64500 64500 64510", "prepended");
    }

    @Test
    void check8PathLongerThanThree() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64501", "64502", "64510"), 64510,
                List.of(COMMUNITY), "Valid", List.of())));
        assertFails(o, "Failed", ValidationEngine.LONG_PATH, "64500 64501 64502 64510", "length 4");
    }

    @Test
    void check9PrivateAsn() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64512", "64510"), 64510,
                List.of(COMMUNITY), "Valid", List.of())));
        assertFails(o, "Failed", ValidationEngine.PRIVATE_AS, "AS64512");
    }

    @Test
    void check9SeesPrivateAsnsInsideAnAsSet() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "{64510,4200000001}"), 0,
                List.of(COMMUNITY), "Valid", List.of())));
        assertFails(o, "Failed", ValidationEngine.PRIVATE_AS, "AS4200000001");
    }

    @Test
    void check10OriginNotInIrr() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64511"), 64511, List.of(COMMUNITY),
                "Valid", List.of())));
        assertFails(o, "Failed", ValidationEngine.NOT_IN_IRR, "origin AS64511 on 192.0.2.1 (router ams-r1)",
                "route objects for 203.0.113.0/24: AS64510");
    }

    @Test
    void check10IsSkippedWithoutRoutingRegistryData() {
        ValidationEngine.Irr none = new ValidationEngine.Irr() {
            @Override
            public boolean applies() {
                return false;
            }

            @Override
            public Set<Long> origins(Prefix prefix) {
                return Set.of();
            }
        };
        CustomerInput in = input(good());
        CustomerInput noIrr = new CustomerInput(in.prefix(), true, "Contoso", "Amsterdam", in.primary(), "Frankfurt",
                in.backup(), COMMUNITY, none);
        assertEquals("Verified", ValidationEngine.customer(noIrr).state());
    }

    @Test
    void checksRunInOrderTheFirstFailureDecides() {
        // missing community (6) and a private AS (9): 6 is reported
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64512", "64510"), 64510, List.of(),
                "Valid", List.of())));
        assertTrue(o.message().startsWith(ValidationEngine.NO_COMMUNITY), o.message());
    }

    @Test
    void rpkiInvalidOriginIsInvalidNamingTheVrps() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64510"), 64510, List.of(COMMUNITY),
                "InvalidOrigin", List.of("203.0.113.0/24-24 AS64511"))));
        assertFails(o, "Invalid", ValidationEngine.RPKI_INVALID, "invalid (origin)", "203.0.113.0/24-24 AS64511");
    }

    @Test
    void rpkiInvalidLengthIsToldApart() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64510"), 64510, List.of(COMMUNITY),
                "InvalidLength", List.of("203.0.113.0/23-23 AS64510"))));
        assertFails(o, "Invalid", ValidationEngine.RPKI_INVALID, "invalid (length)");
    }

    @Test
    void missingOnTheBackupSessionIsAWarning() {
        Outcome o = ValidationEngine.customer(input(good(), List.of(session("Frankfurt", "fra-r1", "192.0.2.5"))));
        assertEquals("Warning", o.state());
        assertTrue(o.message().contains("backup session 192.0.2.5 (router fra-r1)"), o.message());
    }

    @Test
    void incompleteBackupTableIsAWarning() {
        Outcome o = ValidationEngine.customer(input(good(), List.of(new Session("Frankfurt", "fra-r1", "192.0.2.5", true,
                false, List.of()))));
        assertEquals("Warning", o.state());
        assertTrue(o.message().contains("not complete"), o.message());
    }

    @Test
    void rpkiNotFoundIsAWarning() {
        Outcome o = ValidationEngine.customer(input(new Route(List.of("64500", "64510"), 64510, List.of(COMMUNITY),
                "NotFound", List.of())));
        assertEquals("Warning", o.state());
        assertTrue(o.message().contains("RPKI NotFound"), o.message());
    }

    @Test
    void partnerWordingNamesTheSessionWithoutThePrefix() {
        List<Session> sessions = new ArrayList<>(List.of(session("Amsterdam", "ams-r1", "192.0.2.1", good()),
                session("Amsterdam", "ams-r2", "192.0.2.3")));
        Outcome o = ValidationEngine.partner(P, sessions, COMMUNITY, IRR);
        assertFails(o, "Failed", "Prefix not received from IP 192.0.2.3", "192.0.2.3 (router ams-r2)");

        Outcome community = ValidationEngine.partner(P, List.of(session("Amsterdam", "ams-r1", "192.0.2.1",
                new Route(List.of("64500", "64510"), 64510, List.of(), "Valid", List.of()))), COMMUNITY, IRR);
        assertFails(community, "Failed", "Advertisement missing MAPS community");

        Outcome path = ValidationEngine.partner(P, List.of(session("Amsterdam", "ams-r1", "192.0.2.1",
                new Route(List.of("64500", "64512", "64510"), 64510, List.of(COMMUNITY), "Valid", List.of()))),
                COMMUNITY, IRR);
        assertFails(path, "Failed", "AS path isn't correct", "AS64512");

        assertEquals("Verified", ValidationEngine.partner(P, List.of(session("Amsterdam", "ams-r1", "192.0.2.1",
                good())), COMMUNITY, IRR).state());
        assertEquals("Pending", ValidationEngine.partner(P, List.of(new Session("Amsterdam", "ams-r1", "192.0.2.1",
                false, false, List.of())), COMMUNITY, IRR).state());
    }
}
