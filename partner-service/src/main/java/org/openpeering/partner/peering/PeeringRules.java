package org.openpeering.partner.peering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openpeering.common.DomainException;
import org.openpeering.partner.catalogue.Addresses;
import org.openpeering.partner.catalogue.CatalogueService;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.DirectFacility;
import org.openpeering.proto.partner.v1.ExchangeFacility;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.PeeringLocation;

/**
 * The rules of a peering PUT (DOMAIN.md §1), without storage: the request, the stored peering (null on create),
 * the catalogue location and the peer ASN in, the peering to store out, or a {@link DomainException} naming the
 * field. Addresses the operator allocates and conflicts with other peerings are settled by the caller.
 */
public final class PeeringRules {

    public static final List<String> DIRECT_SKUS = List.of("Basic_Direct_Free", "Premium_Direct_Free",
            "Premium_Direct_Metered", "Premium_Direct_Unlimited");
    public static final List<String> EXCHANGE_SKUS = List.of("Basic_Exchange_Free", "Premium_Exchange_Metered");
    static final Pattern GUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern MD5_KEY = Pattern.compile("[\\x21-\\x7e]{1,80}");
    private static final Pattern AZURE_LOCATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ()-]{0,62}");

    /** The peer ASN a peering refers to. */
    public record PeerAsnRef(long id, String name, long asn, String validationState) {
    }

    private PeeringRules() {
    }

    /** Checks the request against the rules and returns the peering as it will be stored. */
    public static Peering apply(Peering in, Peering existing, PeeringLocation location, PeerAsnRef peerAsn) {
        String kind = in.getKind();
        require(!in.getLocation().isBlank(), "location", "The location is required.");
        require(AZURE_LOCATION.matcher(in.getLocation()).matches(), "location", "The location is not a valid region name.");
        require(kind.equals("Direct") || kind.equals("Exchange"), "kind", "The kind must be Direct or Exchange.");
        String base = kind.equals("Direct") ? "properties.direct" : "properties.exchange";
        String sku = canonicalSku(in.getSkuName());
        require(sku != null, "sku.name", "The sku.name must be one of " + String.join(", ", DIRECT_SKUS) + ", "
                + String.join(", ", EXCHANGE_SKUS) + ".");
        require(family(sku).equals(kind), "sku.name", "Peering SKU is invalid for " + kind);
        require(!in.getPeeringLocation().isBlank(), "properties.peeringLocation", "The peeringLocation is required.");
        require(location != null, "properties.peeringLocation",
                "Peering location '" + in.getPeeringLocation() + "' is not in the catalogue.");
        require(kind.equals("Direct") ? location.getDirectFacilitiesCount() > 0 : location.getExchangeFacilitiesCount() > 0,
                "properties.peeringLocation", "Peering location " + location.getName() + " does not offer " + kind
                        + " peering.");
        require(!in.getPeerAsnName().isEmpty(), base + ".peerAsn.id", "The peerAsn reference is required.");
        require(peerAsn != null, base + ".peerAsn.id",
                "PeerAsn '" + in.getPeerAsnName() + "' was not found in the subscription.");
        require(peerAsn.validationState().equals("Approved"), base + ".peerAsn.id",
                "PeerAsn is not approved for the subscription");
        String directType = "";
        if (kind.equals("Direct")) {
            directType = in.getDirectPeeringType().isEmpty() ? "Edge"
                    : canonical(in.getDirectPeeringType(), CatalogueService.DIRECT_PEERING_TYPES);
            require(directType != null, base + ".directPeeringType", "The directPeeringType must be one of "
                    + String.join(", ", CatalogueService.DIRECT_PEERING_TYPES) + ".");
        }
        if (existing != null) {
            require(existing.getKind().equals(kind), "kind", "The kind of an existing peering cannot change.");
            require(existing.getLocation().equalsIgnoreCase(in.getLocation()), "location",
                    "The location of an existing peering cannot change.");
            require(existing.getPeeringLocation().equals(location.getName()), "properties.peeringLocation",
                    "The peeringLocation of an existing peering cannot change.");
            require(existing.getPeerAsnName().equals(peerAsn.name()), base + ".peerAsn.id",
                    "The peerAsn of an existing peering cannot change.");
            require(!kind.equals("Direct") || existing.getDirectPeeringType().equals(directType),
                    base + ".directPeeringType", "The directPeeringType of an existing peering cannot change.");
        }
        checkTags(in.getTagsMap());
        require(in.getConnectionsCount() > 0, base + ".connections", "At least one connection is required.");

        Map<String, Connection> stored = new LinkedHashMap<>();
        if (existing != null) {
            existing.getConnectionsList().forEach(c -> stored.put(c.getConnectionIdentifier().toLowerCase(Locale.ROOT), c));
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> addressUse = new HashMap<>();
        Peering.Builder out = Peering.newBuilder(in).setKind(kind).setSkuName(sku).setPeeringLocation(location.getName())
                .setDirectPeeringType(directType).setPeerAsnName(peerAsn.name()).setPeerAsn(peerAsn.asn())
                .clearConnections();
        if (existing != null) {
            out.setLocation(existing.getLocation());
        }
        boolean usesPeeringService = false;
        for (int i = 0; i < in.getConnectionsCount(); i++) {
            String at = base + ".connections[" + i + "]";
            Connection c = in.getConnections(i);
            String id = c.getConnectionIdentifier();
            if (id.isEmpty()) {
                id = UUID.randomUUID().toString();
            }
            require(GUID.matcher(id).matches(), at + ".connectionIdentifier", "The connectionIdentifier must be a GUID.");
            id = id.toLowerCase(Locale.ROOT);
            require(seen.add(id), at + ".connectionIdentifier", "Connection " + id + " appears twice.");
            Connection old = stored.get(id);
            Connection next = kind.equals("Direct")
                    ? direct(c, old, id, at, location, directType)
                    : exchange(c, old, id, at, location);
            usesPeeringService |= next.getUseForPeeringService();
            for (String[] a : addresses(next, kind)) {
                String key = a[1];
                String previous = addressUse.putIfAbsent(key, at);
                require(previous == null, at + ".bgpSession." + a[0],
                        "Address " + key + " is used by two connections of this peering.");
            }
            out.addConnections(next);
        }
        for (String id : stored.keySet()) {
            require(seen.contains(id), base + ".connections", "Connection " + id
                    + " cannot be removed by PUT; connections are decommissioned by the operator.");
        }
        if (usesPeeringService) {
            // DOMAIN.md §1: Peering Service upgrades Basic, keeps Premium_Direct_Free, refuses every other SKU
            require(sku.equals("Basic_Direct_Free") || sku.equals("Premium_Direct_Free"), "sku.name",
                    "Peering SKU is invalid for Direct");
            out.setSkuName("Premium_Direct_Free");
        }
        out.setUseForPeeringService(usesPeeringService);
        return out.build();
    }

    private static Connection direct(Connection c, Connection old, String id, String at, PeeringLocation location,
            String directType) {
        require(c.hasPeeringDbFacilityId(), at + ".peeringDBFacilityId", "The peeringDBFacilityId is required.");
        int facility = c.getPeeringDbFacilityId();
        boolean known = location.getDirectFacilitiesList().stream().anyMatch(f -> f.getPeeringDbFacilityId() != 0
                && f.getPeeringDbFacilityId() == facility && f.getDirectPeeringType().equals(directType));
        require(known, at + ".peeringDBFacilityId", "Facility " + facility + " is not a " + directType
                + " facility of " + location.getName() + " (facilities: " + facilities(location, directType) + ").");
        require(c.hasBandwidthInMbps(), at + ".bandwidthInMbps", "The bandwidthInMbps is required.");
        int bandwidth = c.getBandwidthInMbps();
        List<Integer> offers = location.getBandwidthOffersList().stream().map(o -> o.getValueInMbps()).toList();
        require(offers.contains(bandwidth), at + ".bandwidthInMbps", "Bandwidth " + bandwidth
                + " Mbps is not offered at " + location.getName() + " (offers: " + offers + ").");
        String provider = canonical(c.getSessionAddressProvider(), List.of("Peer", "Microsoft"));
        require(provider != null, at + ".sessionAddressProvider", "The sessionAddressProvider must be Peer or Microsoft.");
        Connection.Builder b = Connection.newBuilder().setConnectionIdentifier(id).setPeeringDbFacilityId(facility)
                .setBandwidthInMbps(bandwidth).setSessionAddressProvider(provider)
                .setUseForPeeringService(c.hasUseForPeeringService() && c.getUseForPeeringService());
        BgpSession in = c.getBgpSession();
        if (old != null) {
            require(old.getPeeringDbFacilityId() == facility, at + ".peeringDBFacilityId",
                    "The peeringDBFacilityId of an existing connection cannot change.");
            require(old.getSessionAddressProvider().equals(provider), at + ".sessionAddressProvider",
                    "The sessionAddressProvider of an existing connection cannot change.");
            boolean active = old.getConnectionState().equals("Active");
            require(active || old.getBandwidthInMbps() == bandwidth, at + ".bandwidthInMbps",
                    "Bandwidth changes are allowed only on Active connections; connection " + id + " is "
                            + old.getConnectionState() + ".");
            copyState(b, old);
            b.setBgpSession(session(in, old.getBgpSession(), active, provider.equals("Microsoft"), at));
            if (active) {
                b.setProvisionedBandwidthInMbps(bandwidth);
            }
        } else {
            b.setConnectionState("PendingApproval").setProvisionedBandwidthInMbps(0)
                    .setMicrosoftTrackingId("OP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
            BgpSession s = session(in, null, true, provider.equals("Microsoft"), at);
            require(provider.equals("Microsoft") || !s.getSessionPrefixV4().isEmpty() || !s.getSessionPrefixV6().isEmpty(),
                    at + ".bgpSession", "A connection with sessionAddressProvider Peer needs IPv4 or IPv6 session"
                            + " data (sessionPrefixV4 and addresses, or sessionPrefixV6 and addresses).");
            b.setBgpSession(s);
        }
        b.setHasBgpSession(true);
        return b.build();
    }

    private static Connection exchange(Connection c, Connection old, String id, String at, PeeringLocation location) {
        require(c.hasPeeringDbFacilityId(), at + ".peeringDBFacilityId", "The peeringDBFacilityId is required.");
        int facilityId = c.getPeeringDbFacilityId();
        ExchangeFacility facility = location.getExchangeFacilitiesList().stream()
                .filter(f -> f.getPeeringDbFacilityId() != 0 && f.getPeeringDbFacilityId() == facilityId)
                .findFirst().orElse(null);
        require(facility != null, at + ".peeringDBFacilityId", "Facility " + facilityId
                + " is not an exchange of " + location.getName() + ".");
        Connection.Builder b = Connection.newBuilder().setConnectionIdentifier(id).setPeeringDbFacilityId(facilityId);
        BgpSession in = c.getBgpSession();
        BgpSession.Builder s = BgpSession.newBuilder();
        String[][] families = { { "IPv4", in.getPeerSessionIpv4Address(), in.getMicrosoftSessionIpv4Address(),
                facility.getMicrosoftIpv4Address(), facility.getFacilityIpv4Prefix() },
                { "IPv6", in.getPeerSessionIpv6Address(), in.getMicrosoftSessionIpv6Address(),
                        facility.getMicrosoftIpv6Address(), facility.getFacilityIpv6Prefix() } };
        BgpSession previous = old == null ? null : old.getBgpSession();
        boolean active = old == null || old.getConnectionState().equals("Active");
        for (String[] f : families) {
            boolean v6 = f[0].equals("IPv6");
            String peerField = "peerSession" + f[0] + "Address";
            String peer = f[1];
            String oldPeer = previous == null ? "" : (v6 ? previous.getPeerSessionIpv6Address()
                    : previous.getPeerSessionIpv4Address());
            if (peer.isEmpty()) {
                peer = oldPeer;
            }
            if (peer.isEmpty()) {
                continue;
            }
            Addresses.Address a = Addresses.address(peer);
            require(a != null && a.v6() == v6, at + ".bgpSession." + peerField,
                    "The " + peerField + " must be an " + f[0] + " address.");
            require(oldPeer.isEmpty() || Addresses.address(oldPeer).value().equals(a.value()),
                    at + ".bgpSession." + peerField, "The " + peerField + " of an existing connection cannot change.");
            require(!oldPeer.isEmpty() || active, at + ".bgpSession." + peerField,
                    "Session data can be added only to Active connections; connection " + id + " is "
                            + (old == null ? "" : old.getConnectionState()) + ".");
            Addresses.Prefix lan = Addresses.prefix(f[4]);
            require(lan == null || lan.contains(a), at + ".bgpSession." + peerField,
                    "The " + peerField + " must lie inside the exchange's peering LAN " + f[4] + ".");
            if (!f[2].isEmpty()) {
                Addresses.Address ms = Addresses.address(f[2]);
                Addresses.Address expected = Addresses.address(f[3]);
                require(ms != null && expected != null && ms.value().equals(expected.value()),
                        at + ".bgpSession.microsoftSession" + f[0] + "Address",
                        "The operator's address on " + facility.getExchangeName() + " is "
                                + (f[3].isEmpty() ? "not configured" : f[3]) + "; it cannot be chosen.");
            }
            if (v6) {
                s.setPeerSessionIpv6Address(a.text()).setMicrosoftSessionIpv6Address(f[3]);
            } else {
                s.setPeerSessionIpv4Address(a.text()).setMicrosoftSessionIpv4Address(f[3]);
            }
        }
        require(!s.getPeerSessionIpv4Address().isEmpty() || !s.getPeerSessionIpv6Address().isEmpty(),
                at + ".bgpSession", "An exchange connection needs peerSessionIPv4Address or peerSessionIPv6Address.");
        limits(in, previous, s, at);
        if (in.hasMd5AuthenticationKey()) {
            s.setMd5AuthenticationKey(md5(in.getMd5AuthenticationKey(), at));
        }
        if (old != null) {
            copyState(b, old);
            s.setSessionStateV4(old.getBgpSession().getSessionStateV4()).setSessionStateV6(old.getBgpSession().getSessionStateV6());
        } else {
            b.setConnectionState("PendingApproval").setMicrosoftTrackingId(
                    "OP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        }
        pendingStates(s, b.getConnectionState());
        return b.setBgpSession(s).setHasBgpSession(true).build();
    }

    /**
     * The BGP session of a Direct connection. Stored addresses are kept when the request leaves them out and
     * cannot change; new families may be added only to Active connections (new connections count as such).
     */
    private static BgpSession session(BgpSession in, BgpSession old, boolean mayAdd, boolean operatorAllocates,
            String at) {
        BgpSession.Builder s = BgpSession.newBuilder();
        family(in, old, s, false, mayAdd, operatorAllocates, at);
        family(in, old, s, true, mayAdd, operatorAllocates, at);
        limits(in, old, s, at);
        if (in.hasMd5AuthenticationKey()) {
            s.setMd5AuthenticationKey(md5(in.getMd5AuthenticationKey(), at));
        }
        if (old != null) {
            s.setSessionStateV4(old.getSessionStateV4()).setSessionStateV6(old.getSessionStateV6());
        }
        return s.build();
    }

    private static void family(BgpSession in, BgpSession old, BgpSession.Builder s, boolean v6, boolean mayAdd,
            boolean operatorAllocates, String at) {
        String f = v6 ? "IPv6" : "IPv4";
        String pfxField = "sessionPrefixV" + (v6 ? "6" : "4");
        String peerField = "peerSession" + f + "Address";
        String msField = "microsoftSession" + f + "Address";
        String prefix = v6 ? in.getSessionPrefixV6() : in.getSessionPrefixV4();
        String peer = v6 ? in.getPeerSessionIpv6Address() : in.getPeerSessionIpv4Address();
        String ms = v6 ? in.getMicrosoftSessionIpv6Address() : in.getMicrosoftSessionIpv4Address();
        String oldPrefix = old == null ? "" : v6 ? old.getSessionPrefixV6() : old.getSessionPrefixV4();
        String oldPeer = old == null ? "" : v6 ? old.getPeerSessionIpv6Address() : old.getPeerSessionIpv4Address();
        String oldMs = old == null ? "" : v6 ? old.getMicrosoftSessionIpv6Address() : old.getMicrosoftSessionIpv4Address();
        if (!oldPrefix.isEmpty()) {
            // stored: the request may repeat it (GET-modify-PUT) but not change it
            requireSame(prefix, oldPrefix, true, at + ".bgpSession." + pfxField, pfxField);
            requireSame(peer, oldPeer, false, at + ".bgpSession." + peerField, peerField);
            requireSame(ms, oldMs, false, at + ".bgpSession." + msField, msField);
            set(s, v6, oldPrefix, oldPeer, oldMs);
            return;
        }
        if (prefix.isEmpty() && peer.isEmpty() && ms.isEmpty()) {
            return;
        }
        require(mayAdd, at + ".bgpSession." + (prefix.isEmpty() ? peerField : pfxField),
                "Session data can be added only to Active connections.");
        require(!operatorAllocates, at + ".bgpSession." + (prefix.isEmpty() ? peerField : pfxField),
                "Session addresses are allocated by the operator when sessionAddressProvider is Microsoft;"
                        + " leave " + pfxField + " and the addresses out.");
        Addresses.Prefix p = Addresses.prefix(prefix);
        int max = v6 ? 128 : 32;
        require(p != null && p.network().v6() == v6 && p.length() >= max - 2 && p.length() <= max - 1, at + ".bgpSession." + pfxField,
                "The " + pfxField + " must be a " + (v6 ? "/127 or /126 IPv6" : "/31 or /30 IPv4") + " prefix.");
        Addresses.Address peerAddress = Addresses.address(peer);
        Addresses.Address msAddress = Addresses.address(ms);
        require(peerAddress != null && peerAddress.v6() == v6, at + ".bgpSession." + peerField,
                "The " + peerField + " must be an " + f + " address.");
        require(msAddress != null && msAddress.v6() == v6, at + ".bgpSession." + msField,
                "The " + msField + " must be an " + f + " address.");
        require(p.contains(peerAddress), at + ".bgpSession." + peerField,
                "The " + peerField + " " + peer + " is not inside " + pfxField + " " + p.text() + ".");
        require(p.contains(msAddress), at + ".bgpSession." + msField,
                "The " + msField + " " + ms + " is not inside " + pfxField + " " + p.text() + ".");
        require(!peerAddress.value().equals(msAddress.value()), at + ".bgpSession." + peerField,
                "The peer and operator addresses must differ.");
        if (p.length() == max - 2) {
            // a /30 (/126) keeps its first and last address out of use
            java.math.BigInteger last = p.network().value().add(p.size()).subtract(java.math.BigInteger.ONE);
            for (Addresses.Address a : List.of(peerAddress, msAddress)) {
                require(!a.value().equals(p.network().value()) && !a.value().equals(last),
                        at + ".bgpSession." + (a == peerAddress ? peerField : msField),
                        "The first and last address of a " + (v6 ? "/126" : "/30") + " cannot be session addresses.");
            }
        }
        set(s, v6, p.text(), peerAddress.text(), msAddress.text());
    }

    private static void set(BgpSession.Builder s, boolean v6, String prefix, String peer, String ms) {
        if (v6) {
            s.setSessionPrefixV6(prefix).setPeerSessionIpv6Address(peer).setMicrosoftSessionIpv6Address(ms);
        } else {
            s.setSessionPrefixV4(prefix).setPeerSessionIpv4Address(peer).setMicrosoftSessionIpv4Address(ms);
        }
    }

    private static void requireSame(String sent, String stored, boolean prefix, String target, String field) {
        if (sent.isEmpty()) {
            return;
        }
        boolean same;
        if (prefix) {
            Addresses.Prefix a = Addresses.prefix(sent);
            Addresses.Prefix b = Addresses.prefix(stored);
            same = a != null && b != null && a.length() == b.length() && a.network().value().equals(b.network().value());
        } else {
            Addresses.Address a = Addresses.address(sent);
            Addresses.Address b = Addresses.address(stored);
            same = a != null && b != null && a.value().equals(b.value());
        }
        require(same, target, "The " + field + " of an existing connection cannot change (it is " + stored + ").");
    }

    private static void limits(BgpSession in, BgpSession old, BgpSession.Builder s, String at) {
        if (in.hasMaxPrefixesAdvertisedV4()) {
            require(in.getMaxPrefixesAdvertisedV4() >= 0, at + ".bgpSession.maxPrefixesAdvertisedV4",
                    "The maxPrefixesAdvertisedV4 must not be negative.");
            s.setMaxPrefixesAdvertisedV4(in.getMaxPrefixesAdvertisedV4());
        } else if (old != null && old.hasMaxPrefixesAdvertisedV4()) {
            s.setMaxPrefixesAdvertisedV4(old.getMaxPrefixesAdvertisedV4());
        }
        if (in.hasMaxPrefixesAdvertisedV6()) {
            require(in.getMaxPrefixesAdvertisedV6() >= 0, at + ".bgpSession.maxPrefixesAdvertisedV6",
                    "The maxPrefixesAdvertisedV6 must not be negative.");
            s.setMaxPrefixesAdvertisedV6(in.getMaxPrefixesAdvertisedV6());
        } else if (old != null && old.hasMaxPrefixesAdvertisedV6()) {
            s.setMaxPrefixesAdvertisedV6(old.getMaxPrefixesAdvertisedV6());
        }
    }

    /** Validates a new MD5 key; the message never repeats it. */
    private static String md5(String key, String at) {
        require(key.isEmpty() || MD5_KEY.matcher(key).matches(), at + ".bgpSession.md5AuthenticationKey",
                "The md5AuthenticationKey must be 1 to 80 printable ASCII characters without spaces"
                        + " (an empty string removes it).");
        return key;
    }

    private static void copyState(Connection.Builder b, Connection old) {
        b.setConnectionState(old.getConnectionState()).setProvisionedBandwidthInMbps(old.getProvisionedBandwidthInMbps())
                .setMicrosoftTrackingId(old.getMicrosoftTrackingId()).setErrorMessage(old.getErrorMessage())
                .setRouterName(old.getRouterName());
    }

    /** Sessions show PendingAdd for each configured family until the connection is Active. */
    public static void pendingStates(BgpSession.Builder s, String connectionState) {
        s.setSessionStateV4(sessionState(s.getPeerSessionIpv4Address(), s.getSessionStateV4(), connectionState));
        s.setSessionStateV6(sessionState(s.getPeerSessionIpv6Address(), s.getSessionStateV6(), connectionState));
    }

    /** PendingAdd before Active; from Active on, the live state (Idle until telemetry reports one). */
    private static String sessionState(String peerAddress, String current, String connectionState) {
        if (peerAddress.isEmpty()) {
            return current;
        }
        if (!connectionState.equals("Active")) {
            return "PendingAdd";
        }
        return current.isEmpty() || current.equals("PendingAdd") ? "Idle" : current;
    }

    /** The addresses of a connection that must not belong to another ASN: {field, address text}. */
    static List<String[]> addresses(Connection c, String kind) {
        BgpSession s = c.getBgpSession();
        List<String[]> out = new ArrayList<>();
        add(out, "peerSessionIPv4Address", s.getPeerSessionIpv4Address());
        add(out, "peerSessionIPv6Address", s.getPeerSessionIpv6Address());
        if (kind.equals("Direct")) {
            // on an exchange the operator's address is shared by every connection of the LAN
            add(out, "microsoftSessionIPv4Address", s.getMicrosoftSessionIpv4Address());
            add(out, "microsoftSessionIPv6Address", s.getMicrosoftSessionIpv6Address());
        }
        return out;
    }

    private static void add(List<String[]> out, String field, String address) {
        if (!address.isEmpty()) {
            out.add(new String[] { field, Addresses.address(address).text() });
        }
    }

    static void checkTags(Map<String, String> tags) {
        require(tags.size() <= 50, "tags", "At most 50 tags are allowed.");
        for (Map.Entry<String, String> t : tags.entrySet()) {
            require(!t.getKey().isEmpty() && t.getKey().length() <= 512, "tags",
                    "A tag name is 1 to 512 characters.");
            require(t.getValue().length() <= 256, "tags." + t.getKey(), "A tag value is at most 256 characters.");
        }
    }

    public static String canonicalSku(String name) {
        return canonical(name, concat(DIRECT_SKUS, EXCHANGE_SKUS));
    }

    /** Direct or Exchange. */
    public static String family(String sku) {
        return sku.contains("_Direct_") ? "Direct" : "Exchange";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String facilities(PeeringLocation location, String type) {
        List<String> ids = new ArrayList<>();
        for (DirectFacility f : location.getDirectFacilitiesList()) {
            if (f.getPeeringDbFacilityId() != 0 && f.getDirectPeeringType().equals(type)) {
                ids.add(String.valueOf(f.getPeeringDbFacilityId()));
            }
        }
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    static String canonical(String value, List<String> allowed) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    static void require(boolean ok, String target, String message) {
        if (!ok) {
            throw DomainException.badArgument(target, message);
        }
    }
}
