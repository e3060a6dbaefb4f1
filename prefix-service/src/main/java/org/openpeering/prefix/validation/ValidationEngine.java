package org.openpeering.prefix.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * DOMAIN.md §3 as one pure function: the checks in order, the first that fails decides; then RPKI Invalid, Warning,
 * or Verified. Messages are the documented sentence, then {@code " Observed: "} and the evidence. The same table
 * with the partner-side wording validates registered prefixes against their own peering's sessions (§2).
 */
public final class ValidationEngine {

    public static final String VERIFIED = "Verified";
    public static final String FAILED = "Failed";
    public static final String PENDING = "Pending";
    public static final String INVALID = "Invalid";
    public static final String WARNING = "Warning";

    public static final String NOT_PROVIDER = "Peering service provider not found";
    public static final String PRIMARY_SESSIONS = "Provider has fewer than two sessions in its primary location";
    public static final String BACKUP_SESSIONS = "Provider has no sessions in its backup location";
    public static final String NOT_RECEIVED = "Prefix wasn't received from Peering Service provider, contact Peering"
            + " Service provider.";
    public static final String NO_COMMUNITY = "Prefix announcement doesn't have a valid BGP community, contact Peering"
            + " Service provider.";
    public static final String PREPENDED = "AS path isn't correct";
    public static final String LONG_PATH = "Prefix received with longer AS path(>3), contact Peering Service provider.";
    public static final String PRIVATE_AS = "Prefix received with private AS in the path, contact Peering Service"
            + " provider.";
    public static final String NOT_IN_IRR = "Origin ASN isn't registered for the prefix in a routing registry";
    public static final String RPKI_INVALID = "Prefix announcement is RPKI invalid, contact Peering Service provider.";
    public static final String PARTNER_MISSING_COMMUNITY = "Advertisement missing MAPS community";
    public static final String PARTNER_NO_SESSIONS = "Peering has no Active Peering Service session";

    /** One route of the prefix on one session. */
    public record Route(List<String> asPath, long origin, List<String> communities, String rpki,
            List<String> coveringVrps) {
    }

    /** One session as telemetry-service sees it; {@code known} false when it never saw the session. */
    public record Session(String location, String router, String peerAddress, boolean known, boolean tableComplete,
            List<Route> routes) {

        String label() {
            return peerAddress + " (router " + router + ")";
        }
    }

    /** Routing-registry data; {@code applies} false when none is configured (check 10 is then skipped). */
    public interface Irr {
        boolean applies();

        Set<Long> origins(Prefix prefix);
    }

    /** The verdict: state, message (null when none) and learnedType. */
    public record Outcome(String state, String message, String learnedType) {
    }

    /** A customer prefix: its provider, locations and the provider's sessions there. */
    public record CustomerInput(Prefix prefix, boolean provider, String providerName, String primaryLocation,
            List<Session> primary, String backupLocation, List<Session> backup, String community, Irr irr) {
    }

    private ValidationEngine() {
    }

    public static Outcome customer(CustomerInput in) {
        List<Session> all = new ArrayList<>(in.primary());
        if (in.backup() != null) {
            all.addAll(in.backup());
        }
        String learned = all.stream().anyMatch(s -> !s.routes().isEmpty()) ? "ViaServiceProvider" : "None";
        // 1
        if (!in.provider()) {
            return new Outcome(FAILED, observed(NOT_PROVIDER, "'" + in.providerName()
                    + "' is not a Peering Service provider."), learned);
        }
        // 2
        Set<String> routers = new TreeSet<>();
        in.primary().forEach(s -> routers.add(s.router()));
        if (in.primary().size() < 2 || routers.size() < 2) {
            return new Outcome(FAILED, observed(PRIMARY_SESSIONS, sessionsAt(in.primaryLocation(), in.primary(),
                    in.prefix())), learned);
        }
        // 3
        if (in.backupLocation() != null && in.backup().isEmpty()) {
            return new Outcome(FAILED, observed(BACKUP_SESSIONS, sessionsAt(in.backupLocation(), in.backup(),
                    in.prefix())), learned);
        }
        // 4
        if (in.primary().stream().anyMatch(s -> !s.tableComplete())) {
            return new Outcome(PENDING, null, learned);
        }
        // 5
        List<String> missing = new ArrayList<>();
        for (Session s : in.primary()) {
            if (s.routes().isEmpty()) {
                missing.add("not in the table of " + s.label());
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome(FAILED, observed(NOT_RECEIVED, String.join("; ", missing) + "."), learned);
        }
        Outcome path = pathChecks(in.primary(), in.prefix(), in.community(), in.irr(), false, learned);
        if (path != null) {
            return path;
        }
        Outcome invalid = rpkiInvalid(in.primary(), learned);
        if (invalid != null) {
            return invalid;
        }
        List<String> warnings = new ArrayList<>();
        if (in.backupLocation() != null) {
            for (Session s : in.backup()) {
                if (!s.tableComplete()) {
                    warnings.add("the table of backup session " + s.label() + " is not complete yet");
                } else if (s.routes().isEmpty()) {
                    warnings.add("Prefix wasn't received on backup session " + s.label() + " in "
                            + in.backupLocation());
                }
            }
        }
        warnings.addAll(rpkiWarnings(in.primary()));
        if (!warnings.isEmpty()) {
            return new Outcome(WARNING, String.join("; ", warnings) + ".", learned);
        }
        return new Outcome(VERIFIED, null, learned);
    }

    /** A registered prefix against every Peering Service session of its peering, with the partner-side wording. */
    public static Outcome partner(Prefix prefix, List<Session> sessions, String community, Irr irr) {
        String learned = sessions.stream().anyMatch(s -> !s.routes().isEmpty()) ? "ViaServiceProvider" : "None";
        if (sessions.isEmpty()) {
            return new Outcome(FAILED, observed(PARTNER_NO_SESSIONS, "no Active connection with useForPeeringService"
                    + " has an " + (prefix.isV6() ? "IPv6" : "IPv4") + " session on an operator router."), learned);
        }
        if (sessions.stream().anyMatch(s -> !s.tableComplete())) {
            return new Outcome(PENDING, null, learned);
        }
        for (Session s : sessions) {
            if (s.routes().isEmpty()) {
                List<String> missing = new ArrayList<>();
                sessions.stream().filter(x -> x.routes().isEmpty()).forEach(x -> missing.add(x.label()));
                return new Outcome(FAILED, observed("Prefix not received from IP " + s.peerAddress(),
                        "not in the table of " + String.join(", ", missing) + "."), learned);
            }
        }
        Outcome path = pathChecks(sessions, prefix, community, irr, true, learned);
        if (path != null) {
            return path;
        }
        Outcome invalid = rpkiInvalid(sessions, learned);
        if (invalid != null) {
            return invalid;
        }
        List<String> warnings = rpkiWarnings(sessions);
        return warnings.isEmpty() ? new Outcome(VERIFIED, null, learned)
                : new Outcome(WARNING, String.join("; ", warnings) + ".", learned);
    }

    /** Checks 6 to 10 over every route of the sessions; null when all pass. */
    private static Outcome pathChecks(List<Session> sessions, Prefix prefix, String community, Irr irr,
            boolean partner, String learned) {
        List<String> bad = new ArrayList<>();
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                if (!r.communities().contains(community)) {
                    bad.add(s.label() + " AS path " + pathText(r) + " communities "
                            + (r.communities().isEmpty() ? "none" : String.join(" ", r.communities())) + ", expected "
                            + community);
                }
            }
        }
        if (!bad.isEmpty()) {
            return new Outcome(FAILED, observed(partner ? PARTNER_MISSING_COMMUNITY : NO_COMMUNITY, join(bad)), learned);
        }
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                if (prepended(r.asPath())) {
                    bad.add(s.label() + " AS path " + pathText(r) + " is prepended");
                }
            }
        }
        if (!bad.isEmpty()) {
            return new Outcome(FAILED, observed(PREPENDED, join(bad)), learned);
        }
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                if (r.asPath().size() > 3) {
                    bad.add(s.label() + " AS path " + pathText(r) + " has length " + r.asPath().size());
                }
            }
        }
        if (!bad.isEmpty()) {
            return new Outcome(FAILED, observed(partner ? PREPENDED : LONG_PATH, join(bad)), learned);
        }
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                List<Long> priv = privateAsns(r.asPath());
                if (!priv.isEmpty()) {
                    bad.add(s.label() + " AS path " + pathText(r) + " holds private AS" + (priv.size() > 1 ? "es " : " ")
                            + priv.stream().map(a -> "AS" + a).reduce((a, b) -> a + ", " + b).orElse(""));
                }
            }
        }
        if (!bad.isEmpty()) {
            return new Outcome(FAILED, observed(partner ? PREPENDED : PRIVATE_AS, join(bad)), learned);
        }
        if (irr != null && irr.applies()) {
            Set<Long> registered = irr.origins(prefix);
            Set<String> seen = new LinkedHashSet<>();
            for (Session s : sessions) {
                for (Route r : s.routes()) {
                    if (r.origin() == 0 || !registered.contains(r.origin())) {
                        seen.add(r.origin() == 0 ? "no origin (the path ends in an AS_SET) on " + s.label()
                                : "origin AS" + r.origin() + " on " + s.label());
                    }
                }
            }
            if (!seen.isEmpty()) {
                return new Outcome(FAILED, observed(NOT_IN_IRR, join(new ArrayList<>(seen)) + "; route objects for "
                        + prefix + ": " + (registered.isEmpty() ? "none"
                                : registered.stream().map(a -> "AS" + a).reduce((a, b) -> a + ", " + b).orElse(""))),
                        learned);
            }
        }
        return null;
    }

    private static Outcome rpkiInvalid(List<Session> sessions, String learned) {
        List<String> bad = new ArrayList<>();
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                if (r.rpki().startsWith("Invalid")) {
                    bad.add("origin AS" + r.origin() + " on " + s.label() + " is " + (r.rpki().equals("InvalidLength")
                            ? "invalid (length)" : "invalid (origin)") + "; covering VRPs "
                            + (r.coveringVrps().isEmpty() ? "none" : String.join(", ", r.coveringVrps())));
                }
            }
        }
        return bad.isEmpty() ? null : new Outcome(INVALID, observed(RPKI_INVALID, join(bad)), learned);
    }

    private static List<String> rpkiWarnings(List<Session> sessions) {
        Set<String> out = new LinkedHashSet<>();
        for (Session s : sessions) {
            for (Route r : s.routes()) {
                if (r.rpki().equals("NotFound")) {
                    out.add("no RPKI ROA covers the prefix (RPKI NotFound for origin AS" + r.origin() + ")");
                } else if (r.rpki().equals("Unknown")) {
                    out.add("no RPKI data is loaded, origin AS" + r.origin() + " could not be checked");
                }
            }
        }
        return new ArrayList<>(out);
    }

    static boolean prepended(List<String> path) {
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).equals(path.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Private-use ASNs (RFC 6996): 64512–65534 and 4200000000–4294967294, also inside AS_SETs. */
    static List<Long> privateAsns(List<String> path) {
        List<Long> out = new ArrayList<>();
        for (String element : path) {
            for (String part : element.replace("{", "").replace("}", "").split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                long asn = Long.parseLong(part.trim());
                if ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000L && asn <= 4294967294L)) {
                    out.add(asn);
                }
            }
        }
        return out;
    }

    private static String sessionsAt(String location, List<Session> sessions, Prefix prefix) {
        String family = prefix.isV6() ? "IPv6" : "IPv4";
        if (sessions.isEmpty()) {
            return "no Active " + family + " Peering Service session in " + location + ".";
        }
        List<String> labels = new ArrayList<>();
        sessions.forEach(s -> labels.add(s.label()));
        return sessions.size() + " Active " + family + " Peering Service session" + (sessions.size() == 1 ? "" : "s")
                + " in " + location + ": " + String.join(", ", labels) + ".";
    }

    private static String pathText(Route r) {
        return r.asPath().isEmpty() ? "(empty)" : String.join(" ", r.asPath());
    }

    private static String join(List<String> evidence) {
        return String.join("; ", evidence) + ".";
    }

    private static String observed(String sentence, String evidence) {
        return sentence + " Observed: " + evidence;
    }
}
