package org.openpeering.gateway.peering;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.PutPeeringRequest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ARM JSON of a peering, both ways. {@code md5AuthenticationKey} goes in, never out. */
public final class PeeringJson {

    private static final Pattern PEER_ASN_ID = Pattern.compile(
            "/subscriptions/([^/]+)/providers/Microsoft\\.Peering/peerAsns/([A-Za-z0-9_.-]{1,63})/?",
            Pattern.CASE_INSENSITIVE);

    private PeeringJson() {
    }

    public static String id(Peering p) {
        return "/subscriptions/" + p.getSubscriptionId() + "/resourceGroups/" + p.getResourceGroup()
                + "/providers/Microsoft.Peering/peerings/" + p.getName();
    }

    public static ObjectNode toArm(Peering p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id(p));
        o.put("name", p.getName());
        o.put("type", "Microsoft.Peering/peerings");
        o.put("etag", Etags.of(p.getVersion()));
        o.put("location", p.getLocation());
        ObjectNode tags = o.putObject("tags");
        new java.util.TreeMap<>(p.getTagsMap()).forEach(tags::put);
        o.put("kind", p.getKind());
        ObjectNode sku = o.putObject("sku");
        String[] parts = p.getSkuName().split("_");
        sku.put("name", p.getSkuName());
        sku.put("tier", parts[0]);
        sku.put("family", parts.length > 1 ? parts[1] : "");
        sku.put("size", parts.length > 2 ? parts[2] : "");
        ObjectNode props = o.putObject("properties");
        boolean direct = p.getKind().equals("Direct");
        ObjectNode body = props.putObject(direct ? "direct" : "exchange");
        ArrayNode connections = body.putArray("connections");
        for (Connection c : p.getConnectionsList()) {
            ObjectNode cn = connections.addObject();
            if (direct) {
                cn.put("bandwidthInMbps", c.getBandwidthInMbps());
                cn.put("provisionedBandwidthInMbps", c.getProvisionedBandwidthInMbps());
                cn.put("sessionAddressProvider", c.getSessionAddressProvider());
                cn.put("useForPeeringService", c.getUseForPeeringService());
                cn.put("microsoftTrackingId", c.getMicrosoftTrackingId());
            }
            cn.put("peeringDBFacilityId", c.getPeeringDbFacilityId());
            cn.put("connectionState", c.getConnectionState());
            ObjectNode s = cn.putObject("bgpSession");
            BgpSession b = c.getBgpSession();
            putIfSet(s, "sessionPrefixV4", b.getSessionPrefixV4());
            putIfSet(s, "sessionPrefixV6", b.getSessionPrefixV6());
            putIfSet(s, "microsoftSessionIPv4Address", b.getMicrosoftSessionIpv4Address());
            putIfSet(s, "microsoftSessionIPv6Address", b.getMicrosoftSessionIpv6Address());
            putIfSet(s, "peerSessionIPv4Address", b.getPeerSessionIpv4Address());
            putIfSet(s, "peerSessionIPv6Address", b.getPeerSessionIpv6Address());
            s.put("sessionStateV4", b.getSessionStateV4().isEmpty() ? "None" : b.getSessionStateV4());
            s.put("sessionStateV6", b.getSessionStateV6().isEmpty() ? "None" : b.getSessionStateV6());
            if (b.hasMaxPrefixesAdvertisedV4()) {
                s.put("maxPrefixesAdvertisedV4", b.getMaxPrefixesAdvertisedV4());
            }
            if (b.hasMaxPrefixesAdvertisedV6()) {
                s.put("maxPrefixesAdvertisedV6", b.getMaxPrefixesAdvertisedV6());
            }
            cn.put("connectionIdentifier", c.getConnectionIdentifier());
            putIfSet(cn, "errorMessage", c.getErrorMessage());
            putIfSet(cn, "routerName", c.getRouterName());
        }
        if (direct) {
            body.put("useForPeeringService", p.getUseForPeeringService());
            body.put("directPeeringType", p.getDirectPeeringType());
        }
        body.putObject("peerAsn").put("id", "/subscriptions/" + p.getSubscriptionId()
                + "/providers/Microsoft.Peering/peerAsns/" + p.getPeerAsnName());
        props.put("peeringLocation", p.getPeeringLocation());
        props.put("provisioningState", "Succeeded");
        return o;
    }

    /** The writable fields; read-only ones are ignored, wrong types are 400 InvalidRequestContent with the path. */
    public static PutPeeringRequest.Builder fromArm(String subscriptionId, String resourceGroup, String name,
            ObjectNode body) {
        Peering.Builder p = Peering.newBuilder().setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup)
                .setName(name);
        PutPeeringRequest.Builder r = PutPeeringRequest.newBuilder();
        setIfPresent(ArmJson.string(body, "location", "location"), p::setLocation);
        String kind = ArmJson.string(body, "kind", "kind");
        setIfPresent(kind, v -> p.setKind(canonicalKind(v)));
        ObjectNode sku = ArmJson.object(body, "sku", "sku");
        if (sku != null) {
            setIfPresent(ArmJson.string(sku, "name", "sku.name"), p::setSkuName);
        }
        Map<String, String> tags = ArmJson.stringMap(body, "tags", "tags");
        if (tags != null) {
            p.putAllTags(tags);
        }
        ObjectNode props = ArmJson.object(body, "properties", "properties");
        if (props != null) {
            setIfPresent(ArmJson.string(props, "peeringLocation", "properties.peeringLocation"), p::setPeeringLocation);
            boolean direct = !"Exchange".equals(p.getKind());
            String base = direct ? "properties.direct" : "properties.exchange";
            ObjectNode section = ArmJson.object(props, direct ? "direct" : "exchange", base);
            if (section != null) {
                if (direct) {
                    setIfPresent(ArmJson.string(section, "directPeeringType", base + ".directPeeringType"),
                            p::setDirectPeeringType);
                }
                ObjectNode peerAsn = ArmJson.object(section, "peerAsn", base + ".peerAsn");
                if (peerAsn != null) {
                    String id = ArmJson.string(peerAsn, "id", base + ".peerAsn.id");
                    if (id != null) {
                        Matcher m = PEER_ASN_ID.matcher(id.trim());
                        if (!m.matches()) {
                            throw ArmException.badArgument(base + ".peerAsn.id", "The peerAsn id must look like"
                                    + " /subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns/{name}.");
                        }
                        p.setPeerAsnName(m.group(2));
                        // another subscription's peer ASN behaves as if it did not exist (DOMAIN.md §7)
                        r.setPeerAsnForeign(!m.group(1).equalsIgnoreCase(subscriptionId));
                    }
                }
                int i = 0;
                for (ObjectNode c : ArmJson.objects(section, "connections", base + ".connections")) {
                    p.addConnections(connection(c, base + ".connections[" + i++ + "]"));
                }
            }
        }
        return r.setPeering(p);
    }

    private static Connection connection(ObjectNode c, String at) {
        Connection.Builder b = Connection.newBuilder();
        setIfPresent(ArmJson.int32(c, "bandwidthInMbps", at + ".bandwidthInMbps"), b::setBandwidthInMbps);
        setIfPresent(ArmJson.string(c, "sessionAddressProvider", at + ".sessionAddressProvider"),
                b::setSessionAddressProvider);
        setIfPresent(ArmJson.bool(c, "useForPeeringService", at + ".useForPeeringService"), b::setUseForPeeringService);
        setIfPresent(ArmJson.int32(c, "peeringDBFacilityId", at + ".peeringDBFacilityId"), b::setPeeringDbFacilityId);
        setIfPresent(ArmJson.string(c, "connectionIdentifier", at + ".connectionIdentifier"), b::setConnectionIdentifier);
        ObjectNode s = ArmJson.object(c, "bgpSession", at + ".bgpSession");
        if (s != null) {
            String sp = at + ".bgpSession.";
            BgpSession.Builder bs = BgpSession.newBuilder();
            setIfPresent(ArmJson.string(s, "sessionPrefixV4", sp + "sessionPrefixV4"), bs::setSessionPrefixV4);
            setIfPresent(ArmJson.string(s, "sessionPrefixV6", sp + "sessionPrefixV6"), bs::setSessionPrefixV6);
            setIfPresent(ArmJson.string(s, "microsoftSessionIPv4Address", sp + "microsoftSessionIPv4Address"),
                    bs::setMicrosoftSessionIpv4Address);
            setIfPresent(ArmJson.string(s, "microsoftSessionIPv6Address", sp + "microsoftSessionIPv6Address"),
                    bs::setMicrosoftSessionIpv6Address);
            setIfPresent(ArmJson.string(s, "peerSessionIPv4Address", sp + "peerSessionIPv4Address"),
                    bs::setPeerSessionIpv4Address);
            setIfPresent(ArmJson.string(s, "peerSessionIPv6Address", sp + "peerSessionIPv6Address"),
                    bs::setPeerSessionIpv6Address);
            setIfPresent(ArmJson.int32(s, "maxPrefixesAdvertisedV4", sp + "maxPrefixesAdvertisedV4"),
                    bs::setMaxPrefixesAdvertisedV4);
            setIfPresent(ArmJson.int32(s, "maxPrefixesAdvertisedV6", sp + "maxPrefixesAdvertisedV6"),
                    bs::setMaxPrefixesAdvertisedV6);
            setIfPresent(ArmJson.string(s, "md5AuthenticationKey", sp + "md5AuthenticationKey"),
                    bs::setMd5AuthenticationKey);
            b.setBgpSession(bs).setHasBgpSession(true);
        }
        return b.build();
    }

    /** Direct or Exchange in their canonical case; anything else is kept for the service to reject. */
    static String canonicalKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        return k.equals("direct") ? "Direct" : k.equals("exchange") ? "Exchange" : kind;
    }

    private static <T> void setIfPresent(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value);
        }
    }
}
