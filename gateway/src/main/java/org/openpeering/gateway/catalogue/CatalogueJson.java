package org.openpeering.gateway.catalogue;

import java.util.List;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.proto.partner.v1.BandwidthOffer;
import org.openpeering.proto.partner.v1.CdnPeeringPrefix;
import org.openpeering.proto.partner.v1.DirectFacility;
import org.openpeering.proto.partner.v1.ExchangeFacility;
import org.openpeering.proto.partner.v1.PeeringLocation;
import org.openpeering.proto.partner.v1.PutPeeringLocationRequest;
import org.openpeering.proto.partner.v1.Router;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ARM JSON of catalogue entries. */
public final class CatalogueJson {

    private CatalogueJson() {
    }

    /** A location as ARM's peeringLocations list shows it for one kind (null kind: everything, for the operator). */
    public static ObjectNode location(String subscriptionId, PeeringLocation l, String kind) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", (subscriptionId == null ? "/operator/v1" : "/subscriptions/" + subscriptionId
                + "/providers/Microsoft.Peering") + "/peeringLocations/" + l.getName());
        o.put("name", l.getName());
        o.put("type", "Microsoft.Peering/peeringLocations");
        if (kind != null) {
            o.put("kind", kind);
        } else {
            o.put("etag", Etags.of(l.getVersion()));
        }
        ObjectNode p = o.putObject("properties");
        p.put("peeringLocation", l.getName());
        p.put("country", l.getCountry());
        p.put("azureRegion", l.getAzureRegion());
        p.put("latitude", l.getLatitude());
        p.put("longitude", l.getLongitude());
        if (kind == null || kind.equals("Direct")) {
            ObjectNode d = p.putObject("direct");
            var facilities = d.putArray("peeringFacilities");
            for (DirectFacility f : l.getDirectFacilitiesList()) {
                ObjectNode fn = facilities.addObject();
                fn.put("address", f.getAddress());
                fn.put("directPeeringType", f.getDirectPeeringType());
                if (f.getPeeringDbFacilityId() != 0) {
                    fn.put("peeringDBFacilityId", f.getPeeringDbFacilityId());
                    fn.put("peeringDBFacilityLink", "https://www.peeringdb.com/fac/" + f.getPeeringDbFacilityId());
                } else {
                    fn.putNull("peeringDBFacilityId");
                }
                fn.put("name", f.getName());
                if (kind == null && !f.getSource().isEmpty()) {
                    fn.put("source", f.getSource());
                }
            }
            var offers = d.putArray("bandwidthOffers");
            for (BandwidthOffer b : l.getBandwidthOffersList()) {
                offers.addObject().put("offerName", b.getOfferName()).put("valueInMbps", b.getValueInMbps());
            }
        }
        if (kind == null || kind.equals("Exchange")) {
            var facilities = p.putObject("exchange").putArray("peeringFacilities");
            for (ExchangeFacility x : l.getExchangeFacilitiesList()) {
                ObjectNode xn = facilities.addObject();
                xn.put("exchangeName", x.getExchangeName());
                xn.put("bandwidthInMbps", x.getBandwidthInMbps());
                putIfSet(xn, "microsoftIPv4Address", x.getMicrosoftIpv4Address());
                putIfSet(xn, "microsoftIPv6Address", x.getMicrosoftIpv6Address());
                putIfSet(xn, "facilityIPv4Prefix", x.getFacilityIpv4Prefix());
                putIfSet(xn, "facilityIPv6Prefix", x.getFacilityIpv6Prefix());
                if (x.getPeeringDbFacilityId() != 0) {
                    xn.put("peeringDBFacilityId", x.getPeeringDbFacilityId());
                    xn.put("peeringDBFacilityLink", "https://www.peeringdb.com/ix/" + x.getPeeringDbFacilityId());
                } else {
                    xn.putNull("peeringDBFacilityId");
                }
                if (kind == null && !x.getSource().isEmpty()) {
                    xn.put("source", x.getSource());
                }
            }
        }
        if (kind == null) {
            var cdn = p.putArray("cdnPeeringPrefixes");
            l.getCdnPeeringPrefixesList().forEach(c -> cdn.add(cdnProperties(c)));
        }
        return o;
    }

    static ObjectNode cdnProperties(CdnPeeringPrefix c) {
        return JsonNodeFactory.instance.objectNode().put("prefix", c.getPrefix()).put("azureRegion", c.getAzureRegion())
                .put("azureService", c.getAzureService()).put("isPrimaryRegion", c.getIsPrimaryRegion())
                .put("bgpCommunity", c.getBgpCommunity());
    }

    /** The operator's location body. */
    static PutPeeringLocationRequest.Builder locationFromArm(String name, ObjectNode body) {
        PeeringLocation.Builder l = PeeringLocation.newBuilder().setName(name);
        PutPeeringLocationRequest.Builder r = PutPeeringLocationRequest.newBuilder();
        ObjectNode p = ArmJson.object(body, "properties", "properties");
        if (p == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        l.setCountry(nz(ArmJson.string(p, "country", "properties.country")));
        l.setAzureRegion(nz(ArmJson.string(p, "azureRegion", "properties.azureRegion")));
        Double lat = ArmJson.number(p, "latitude", "properties.latitude");
        Double lon = ArmJson.number(p, "longitude", "properties.longitude");
        if (lat != null) {
            l.setLatitude(lat);
        }
        if (lon != null) {
            l.setLongitude(lon);
        }
        r.setHasLatitude(lat != null).setHasLongitude(lon != null);
        ObjectNode d = ArmJson.object(p, "direct", "properties.direct");
        if (d != null) {
            int i = 0;
            for (ObjectNode f : ArmJson.objects(d, "peeringFacilities", "properties.direct.peeringFacilities")) {
                String at = "properties.direct.peeringFacilities[" + i++ + "]";
                Integer id = ArmJson.int32(f, "peeringDBFacilityId", at + ".peeringDBFacilityId");
                String type = ArmJson.string(f, "directPeeringType", at + ".directPeeringType");
                String source = ArmJson.string(f, "source", at + ".source");
                l.addDirectFacilities(DirectFacility.newBuilder().setPeeringDbFacilityId(id == null ? 0 : id)
                        .setName(nz(ArmJson.string(f, "name", at + ".name")))
                        .setAddress(nz(ArmJson.string(f, "address", at + ".address")))
                        .setDirectPeeringType(type == null ? "Edge" : type)
                        .setSource(source == null ? "operator" : source));
            }
            i = 0;
            for (ObjectNode o : ArmJson.objects(d, "bandwidthOffers", "properties.direct.bandwidthOffers")) {
                String at = "properties.direct.bandwidthOffers[" + i++ + "]";
                Integer v = ArmJson.int32(o, "valueInMbps", at + ".valueInMbps");
                l.addBandwidthOffers(BandwidthOffer.newBuilder().setValueInMbps(v == null ? 0 : v)
                        .setOfferName(nz(ArmJson.string(o, "offerName", at + ".offerName"))));
            }
        }
        ObjectNode x = ArmJson.object(p, "exchange", "properties.exchange");
        if (x != null) {
            int i = 0;
            for (ObjectNode f : ArmJson.objects(x, "peeringFacilities", "properties.exchange.peeringFacilities")) {
                String at = "properties.exchange.peeringFacilities[" + i++ + "]";
                Integer id = ArmJson.int32(f, "peeringDBFacilityId", at + ".peeringDBFacilityId");
                Integer bw = ArmJson.int32(f, "bandwidthInMbps", at + ".bandwidthInMbps");
                String source = ArmJson.string(f, "source", at + ".source");
                l.addExchangeFacilities(ExchangeFacility.newBuilder().setPeeringDbFacilityId(id == null ? 0 : id)
                        .setExchangeName(nz(ArmJson.string(f, "exchangeName", at + ".exchangeName")))
                        .setBandwidthInMbps(bw == null ? 0 : bw)
                        .setMicrosoftIpv4Address(nz(ArmJson.string(f, "microsoftIPv4Address", at + ".microsoftIPv4Address")))
                        .setMicrosoftIpv6Address(nz(ArmJson.string(f, "microsoftIPv6Address", at + ".microsoftIPv6Address")))
                        .setFacilityIpv4Prefix(nz(ArmJson.string(f, "facilityIPv4Prefix", at + ".facilityIPv4Prefix")))
                        .setFacilityIpv6Prefix(nz(ArmJson.string(f, "facilityIPv6Prefix", at + ".facilityIPv6Prefix")))
                        .setSource(source == null ? "operator" : source));
            }
        }
        int i = 0;
        for (ObjectNode c : ArmJson.objects(p, "cdnPeeringPrefixes", "properties.cdnPeeringPrefixes")) {
            String at = "properties.cdnPeeringPrefixes[" + i++ + "]";
            Boolean primary = ArmJson.bool(c, "isPrimaryRegion", at + ".isPrimaryRegion");
            l.addCdnPeeringPrefixes(CdnPeeringPrefix.newBuilder()
                    .setPrefix(nz(ArmJson.string(c, "prefix", at + ".prefix")))
                    .setAzureRegion(nz(ArmJson.string(c, "azureRegion", at + ".azureRegion")))
                    .setAzureService(nz(ArmJson.string(c, "azureService", at + ".azureService")))
                    .setIsPrimaryRegion(primary != null && primary)
                    .setBgpCommunity(nz(ArmJson.string(c, "bgpCommunity", at + ".bgpCommunity"))));
        }
        return r.setPeeringLocation(l);
    }

    static ObjectNode router(Router r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/operator/v1/routers/" + r.getName());
        o.put("name", r.getName());
        o.put("type", "Microsoft.Peering/routers");
        o.put("etag", Etags.of(r.getVersion()));
        o.putObject("properties").put("peeringLocation", r.getPeeringLocation())
                .put("peeringDBFacilityId", r.getPeeringDbFacilityId()).put("bgpIdentifier", r.getBgpIdentifier())
                .put("sysName", r.getSysName());
        return o;
    }

    static Router.Builder routerFromArm(String name, ObjectNode body) {
        ObjectNode p = ArmJson.object(body, "properties", "properties");
        if (p == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        Integer facility = ArmJson.int32(p, "peeringDBFacilityId", "properties.peeringDBFacilityId");
        return Router.newBuilder().setName(name)
                .setPeeringLocation(nz(ArmJson.string(p, "peeringLocation", "properties.peeringLocation")))
                .setPeeringDbFacilityId(facility == null ? 0 : facility)
                .setBgpIdentifier(nz(ArmJson.string(p, "bgpIdentifier", "properties.bgpIdentifier")))
                .setSysName(nz(ArmJson.string(p, "sysName", "properties.sysName")));
    }

    static ObjectNode list(List<ObjectNode> items) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("value").addAll(items);
        return body;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
