package org.openpeering.partner.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.BandwidthOffer;
import org.openpeering.proto.partner.v1.CdnPeeringPrefix;
import org.openpeering.proto.partner.v1.DirectFacility;
import org.openpeering.proto.partner.v1.ExchangeFacility;
import org.openpeering.proto.partner.v1.PeeringLocation;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.partner.v1.Router;
import org.openpeering.proto.partner.v1.ServiceLocation;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalogue: peering locations with facilities, offers, exchanges and CDN prefixes, the operator's routers,
 * and customer geography. Plain SQL through the reactive client (inet/cidr columns and containment queries).
 */
@ApplicationScoped
public class CatalogueService {

    public static final List<String> DIRECT_PEERING_TYPES = List.of("Edge", "Transit", "Cdn", "Internal", "Ix",
            "IxRs", "Voice", "EdgeZoneForOperators", "PeerProp");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,63}");
    private static final Pattern LOCATION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .'-]{0,62}");
    private static final Pattern SYS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}");

    /** A page of locations and the name after which the next page starts (null on the last page). */
    public record Page(List<PeeringLocation> items, String nextAfter) {
    }

    private final Pool pool;
    private final PeeringConfig config;

    public CatalogueService(Pool pool, PeeringConfig config) {
        this.pool = pool;
        this.config = config;
    }

    // ---- peering locations ----

    public Uni<Page> listLocations(String kind, String directPeeringType, String after, int requestedSize) {
        String k = canonical(kind, List.of("Direct", "Exchange"));
        if (k == null) {
            throw DomainException.badArgument("kind", "The kind query parameter is required: Direct or Exchange.");
        }
        String type = null;
        if (directPeeringType != null && !directPeeringType.isEmpty()) {
            type = canonical(directPeeringType, DIRECT_PEERING_TYPES);
            if (type == null) {
                throw DomainException.badArgument("directPeeringType",
                        "The directPeeringType must be one of " + String.join(", ", DIRECT_PEERING_TYPES) + ".");
            }
        }
        int size = PageTokens.size(requestedSize, config.pageSize());
        String exists = k.equals("Direct")
                ? "exists (select 1 from direct_facility f where f.location_name = l.name"
                        + " and ($2::text is null or f.direct_peering_type = $2))"
                : "exists (select 1 from exchange_facility x where x.location_name = l.name) and $2::text is null";
        String sql = "select l.* from peering_location l where l.name > $1 and " + exists
                + " order by l.name limit $3";
        String facilityType = type;
        return pool.preparedQuery(sql).execute(Tuple.of(after == null ? "" : after, k.equals("Direct") ? type : null,
                size + 1))
                .chain(rows -> details(pool, rows, k, facilityType))
                .map(all -> all.size() > size
                        ? new Page(all.subList(0, size), all.get(size - 1).getName())
                        : new Page(all, null));
    }

    /** The location (name ignoring case) with everything in it; null when unknown. */
    public Uni<PeeringLocation> getLocation(String name) {
        return getLocation(pool, name);
    }

    public static Uni<PeeringLocation> getLocation(SqlClient client, String name) {
        return client.preparedQuery("select * from peering_location where lower(name) = lower($1)")
                .execute(Tuple.of(name))
                .chain(rows -> details(client, rows, null, null))
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** Creates or replaces a location; refuses to drop a facility that routers or connections still use. */
    public Uni<PutResult<PeeringLocation>> putLocation(PeeringLocation in, boolean hasLatitude, boolean hasLongitude,
            Precondition precondition) {
        validate(in, hasLatitude, hasLongitude);
        return pool.withTransaction(tx -> tx.preparedQuery(
                "select name, version from peering_location where lower(name) = lower($1) for update")
                .execute(Tuple.of(in.getName()))
                .chain(rows -> {
                    Row existing = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    Preconditions.check(precondition, existing == null ? null : existing.getLong("version"));
                    String name = existing == null ? in.getName() : existing.getString("name");
                    Uni<Void> upsert = existing == null
                            ? tx.preparedQuery("insert into peering_location (name, country, azure_region, latitude,"
                                    + " longitude, version) values ($1, $2, $3, $4, $5, 1)")
                                    .execute(Tuple.of(name, in.getCountry(), in.getAzureRegion(), in.getLatitude(),
                                            in.getLongitude())).replaceWithVoid()
                            : checkFacilitiesInUse(tx, name, in).chain(() -> tx.preparedQuery(
                                    "update peering_location set country = $2, azure_region = $3, latitude = $4,"
                                            + " longitude = $5, version = version + 1 where name = $1")
                                    .execute(Tuple.of(name, in.getCountry(), in.getAzureRegion(), in.getLatitude(),
                                            in.getLongitude())).replaceWithVoid());
                    return upsert.chain(() -> replaceChildren(tx, name, in))
                            .chain(() -> getLocation(tx, name))
                            .map(l -> new PutResult<>(l, existing == null));
                }));
    }

    public Uni<Boolean> deleteLocation(String name) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                "select name from peering_location where lower(name) = lower($1) for update").execute(Tuple.of(name))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    String stored = rows.iterator().next().getString("name");
                    return tx.preparedQuery("select 'routers/' || name as d from router where location_name = $1"
                            + " union all select 'subscriptions/' || subscription_id || '/resourceGroups/'"
                            + " || resource_group || '/peerings/' || name from peering where peering_location = $1"
                            + " order by 1 limit 20").execute(Tuple.of(stored))
                            .chain(deps -> {
                                List<String> names = column(deps, "d");
                                if (!names.isEmpty()) {
                                    return Uni.createFrom().failure(DomainException.conflict("Peering location "
                                            + stored + " is used by " + String.join(", ", names) + "."));
                                }
                                return tx.preparedQuery("delete from peering_location where name = $1")
                                        .execute(Tuple.of(stored)).replaceWith(true);
                            });
                }));
    }

    // ---- routers ----

    public Uni<PutResult<Router>> putRouter(Router in, Precondition precondition) {
        if (!NAME.matcher(in.getName()).matches()) {
            throw DomainException.badArgument("routerName", "The router name must match [A-Za-z0-9_.-]{1,63}.");
        }
        Addresses.Address id = Addresses.address(in.getBgpIdentifier());
        if (id == null || id.v6() || id.value().signum() == 0) {
            throw DomainException.badArgument("properties.bgpIdentifier",
                    "The bgpIdentifier must be a non-zero IPv4 address (the router's BGP identifier).");
        }
        if (!SYS_NAME.matcher(in.getSysName()).matches()) {
            throw DomainException.badArgument("properties.sysName",
                    "The sysName (the router's BMP Initiation sysName) is required: letters, digits and _.:-.");
        }
        return pool.withTransaction(tx -> getLocation(tx, in.getPeeringLocation()).chain(location -> {
            if (location == null) {
                return Uni.createFrom().failure(DomainException.badArgument("properties.peeringLocation",
                        "Peering location '" + in.getPeeringLocation() + "' is not in the catalogue."));
            }
            boolean facilityKnown = location.getDirectFacilitiesList().stream()
                    .anyMatch(f -> f.getPeeringDbFacilityId() != 0
                            && f.getPeeringDbFacilityId() == in.getPeeringDbFacilityId());
            if (!facilityKnown) {
                return Uni.createFrom().failure(DomainException.badArgument("properties.peeringDBFacilityId",
                        "Facility " + in.getPeeringDbFacilityId() + " is not a facility of " + location.getName()
                                + "."));
            }
            return tx.preparedQuery("select name, version from router where lower(name) = lower($1) for update")
                    .execute(Tuple.of(in.getName())).chain(rows -> {
                        Row existing = rows.iterator().hasNext() ? rows.iterator().next() : null;
                        Preconditions.check(precondition, existing == null ? null : existing.getLong("version"));
                        Tuple t = Tuple.of(existing == null ? in.getName() : existing.getString("name"),
                                location.getName(), in.getPeeringDbFacilityId(), id.text(), in.getSysName());
                        Uni<RowSet<Row>> write = existing == null
                                ? tx.preparedQuery("insert into router (name, location_name, peeringdb_facility_id,"
                                        + " bgp_identifier, sys_name) values ($1, $2, $3, $4::text::inet, $5)").execute(t)
                                : routerMoveAllowed(tx, existing.getString("name"), location.getName(),
                                        in.getPeeringDbFacilityId()).chain(() -> tx.preparedQuery(
                                        "update router set location_name = $2, peeringdb_facility_id = $3,"
                                                + " bgp_identifier = $4::text::inet, sys_name = $5,"
                                                + " version = version + 1 where name = $1").execute(t));
                        return write.chain(() -> getRouter(tx, t.getString(0)))
                                .map(r -> new PutResult<>(r, existing == null));
                    });
        })).onFailure(e -> e.getMessage() != null && e.getMessage().contains("router_sys_name_uq"))
                .transform(e -> DomainException.conflict("Another router already has sysName " + in.getSysName() + "."));
    }

    private Uni<Void> routerMoveAllowed(SqlClient tx, String router, String location, int facility) {
        return tx.preparedQuery("select c.connection_identifier from peering_connection c join peering p"
                + " on p.id = c.peering_id where c.router_name = $1 and (p.peering_location <> $2"
                + " or c.peeringdb_facility_id <> $3) limit 5").execute(Tuple.of(router, location, facility))
                .map(rows -> {
                    List<String> used = column(rows, "connection_identifier");
                    if (!used.isEmpty()) {
                        throw DomainException.conflict("Router " + router + " carries connections at its facility ("
                                + String.join(", ", used) + "); it cannot move elsewhere.");
                    }
                    return null;
                });
    }

    public Uni<Router> getRouter(String name) {
        return getRouter(pool, name);
    }

    static Uni<Router> getRouter(SqlClient client, String name) {
        return client.preparedQuery("select name, location_name, peeringdb_facility_id, host(bgp_identifier) as bgp_id,"
                + " sys_name, version from router where lower(name) = lower($1)").execute(Tuple.of(name))
                .map(rows -> rows.iterator().hasNext() ? toRouter(rows.iterator().next()) : null);
    }

    public Uni<List<Router>> listRouters(String location) {
        return pool.preparedQuery("select name, location_name, peeringdb_facility_id, host(bgp_identifier) as bgp_id,"
                + " sys_name, version from router where $1::text is null or lower(location_name) = lower($1)"
                + " order by name").execute(Tuple.of(location == null || location.isEmpty() ? null : location))
                .map(rows -> map(rows, CatalogueService::toRouter));
    }

    public Uni<Boolean> deleteRouter(String name) {
        return pool.withTransaction(tx -> tx.preparedQuery("select connection_identifier from peering_connection c"
                + " join router r on r.name = c.router_name where lower(r.name) = lower($1) limit 20")
                .execute(Tuple.of(name)).chain(rows -> {
                    List<String> used = column(rows, "connection_identifier");
                    if (!used.isEmpty()) {
                        return Uni.createFrom().failure(DomainException.conflict("Router " + name
                                + " carries connections " + String.join(", ", used) + "; reassign them first."));
                    }
                    return tx.preparedQuery("delete from router where lower(name) = lower($1)")
                            .execute(Tuple.of(name)).map(r -> r.rowCount() > 0);
                }));
    }

    private static Router toRouter(Row r) {
        return Router.newBuilder().setName(r.getString("name")).setPeeringLocation(r.getString("location_name"))
                .setPeeringDbFacilityId(r.getInteger("peeringdb_facility_id")).setBgpIdentifier(r.getString("bgp_id"))
                .setSysName(r.getString("sys_name")).setVersion(r.getLong("version")).build();
    }

    // ---- customer geography and CDN prefixes ----

    public Uni<List<String>> countries() {
        return pool.query("select distinct country from service_location order by country").execute()
                .map(rows -> column(rows, "country"));
    }

    public Uni<List<ServiceLocation>> serviceLocations(String country) {
        return pool.preparedQuery("select * from service_location where $1::text is null or lower(country) = lower($1)"
                + " order by country, state").execute(Tuple.of(country == null || country.isEmpty() ? null : country))
                .map(rows -> map(rows, CatalogueService::toServiceLocation));
    }

    /** The customer location named by its state (ignoring case); null when unknown. */
    public Uni<ServiceLocation> serviceLocation(String state) {
        return pool.preparedQuery("select * from service_location where lower(state) = lower($1)")
                .execute(Tuple.of(state))
                .map(rows -> rows.iterator().hasNext() ? toServiceLocation(rows.iterator().next()) : null);
    }

    private static ServiceLocation toServiceLocation(Row r) {
        return ServiceLocation.newBuilder().setState(r.getString("state")).setCountry(r.getString("country"))
                .setAzureRegion(r.getString("azure_region")).setLatitude(r.getDouble("latitude"))
                .setLongitude(r.getDouble("longitude")).build();
    }

    public Uni<List<CdnPeeringPrefix>> cdnPrefixes(String location) {
        boolean all = location == null || location.isEmpty();
        Uni<Void> known = all ? Uni.createFrom().voidItem() : getLocation(location).map(l -> {
            if (l == null) {
                throw DomainException.badArgument("peeringLocation",
                        "Peering location '" + location + "' is not in the catalogue.");
            }
            return null;
        });
        return known.chain(() -> pool.preparedQuery("select location_name, prefix::text as prefix, azure_region,"
                + " azure_service, is_primary_region, bgp_community from cdn_peering_prefix"
                + " where $1::text is null or lower(location_name) = lower($1) order by location_name, prefix")
                .execute(Tuple.of(all ? null : location))
                .map(rows -> map(rows, CatalogueService::toCdn)));
    }

    private static CdnPeeringPrefix toCdn(Row r) {
        return CdnPeeringPrefix.newBuilder().setPeeringLocation(r.getString("location_name"))
                .setPrefix(r.getString("prefix")).setAzureRegion(r.getString("azure_region"))
                .setAzureService(r.getString("azure_service")).setIsPrimaryRegion(r.getBoolean("is_primary_region"))
                .setBgpCommunity(r.getString("bgp_community")).build();
    }

    // ---- internals ----

    /** Loads facilities, offers, exchanges and CDN prefixes of the listed locations. */
    private static Uni<List<PeeringLocation>> details(SqlClient client, RowSet<Row> rows, String kind,
            String directPeeringType) {
        Map<String, PeeringLocation.Builder> byName = new LinkedHashMap<>();
        for (Row r : rows) {
            byName.put(r.getString("name"), PeeringLocation.newBuilder().setName(r.getString("name"))
                    .setCountry(r.getString("country")).setAzureRegion(r.getString("azure_region"))
                    .setLatitude(r.getDouble("latitude")).setLongitude(r.getDouble("longitude"))
                    .setVersion(r.getLong("version")));
        }
        if (byName.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] names = byName.keySet().toArray(String[]::new);
        Tuple t = Tuple.of(names);
        boolean direct = !"Exchange".equals(kind);
        boolean exchange = !"Direct".equals(kind);
        Uni<Void> facilities = !direct ? Uni.createFrom().voidItem() : client.preparedQuery(
                "select * from direct_facility where location_name = any($1) order by location_name, id").execute(t)
                .invoke(fs -> fs.forEach(f -> {
                    if (directPeeringType == null || directPeeringType.equals(f.getString("direct_peering_type"))) {
                        Integer id = f.getInteger("peeringdb_facility_id");
                        byName.get(f.getString("location_name")).addDirectFacilities(DirectFacility.newBuilder()
                                .setPeeringDbFacilityId(id == null ? 0 : id).setName(f.getString("name"))
                                .setAddress(f.getString("address"))
                                .setDirectPeeringType(f.getString("direct_peering_type"))
                                .setSource(f.getString("source") == null ? "" : f.getString("source")));
                    }
                })).replaceWithVoid();
        Uni<Void> offers = !direct ? Uni.createFrom().voidItem() : client.preparedQuery(
                "select * from bandwidth_offer where location_name = any($1) order by location_name, value_in_mbps")
                .execute(t).invoke(os -> os.forEach(o -> byName.get(o.getString("location_name"))
                        .addBandwidthOffers(BandwidthOffer.newBuilder().setOfferName(o.getString("offer_name"))
                                .setValueInMbps(o.getInteger("value_in_mbps"))))).replaceWithVoid();
        Uni<Void> exchanges = !exchange ? Uni.createFrom().voidItem() : client.preparedQuery(
                "select location_name, peeringdb_facility_id, exchange_name, bandwidth_in_mbps,"
                        + " host(microsoft_ipv4_address) as ms4, host(microsoft_ipv6_address) as ms6,"
                        + " facility_ipv4_prefix::text as p4, facility_ipv6_prefix::text as p6, source"
                        + " from exchange_facility where location_name = any($1) order by location_name, id").execute(t)
                .invoke(xs -> xs.forEach(x -> {
                    Integer id = x.getInteger("peeringdb_facility_id");
                    byName.get(x.getString("location_name")).addExchangeFacilities(ExchangeFacility.newBuilder()
                            .setPeeringDbFacilityId(id == null ? 0 : id).setExchangeName(x.getString("exchange_name"))
                            .setBandwidthInMbps(x.getInteger("bandwidth_in_mbps"))
                            .setMicrosoftIpv4Address(nz(x.getString("ms4"))).setMicrosoftIpv6Address(nz(x.getString("ms6")))
                            .setFacilityIpv4Prefix(nz(x.getString("p4"))).setFacilityIpv6Prefix(nz(x.getString("p6")))
                            .setSource(nz(x.getString("source"))));
                })).replaceWithVoid();
        Uni<Void> cdn = kind != null ? Uni.createFrom().voidItem() : client.preparedQuery(
                "select location_name, prefix::text as prefix, azure_region, azure_service, is_primary_region,"
                        + " bgp_community from cdn_peering_prefix where location_name = any($1)"
                        + " order by location_name, prefix").execute(t)
                .invoke(cs -> cs.forEach(c -> byName.get(c.getString("location_name"))
                        .addCdnPeeringPrefixes(toCdn(c)))).replaceWithVoid();
        // one connection: run the queries one after another
        return facilities.chain(() -> offers).chain(() -> exchanges).chain(() -> cdn)
                .map(v -> byName.values().stream().map(PeeringLocation.Builder::build).toList());
    }

    private Uni<Void> checkFacilitiesInUse(SqlClient tx, String name, PeeringLocation in) {
        Set<Integer> kept = new HashSet<>();
        in.getDirectFacilitiesList().forEach(f -> kept.add(f.getPeeringDbFacilityId()));
        in.getExchangeFacilitiesList().forEach(f -> kept.add(f.getPeeringDbFacilityId()));
        Integer[] keptIds = kept.toArray(Integer[]::new);
        return tx.preparedQuery("select 'routers/' || name as d from router where location_name = $1"
                + " and not (peeringdb_facility_id = any($2))"
                + " union all select 'connection ' || c.connection_identifier from peering_connection c"
                + " join peering p on p.id = c.peering_id where p.peering_location = $1"
                + " and not (c.peeringdb_facility_id = any($2)) order by 1 limit 20")
                .execute(Tuple.of(name, (Object) keptIds)).map(rows -> {
                    List<String> users = column(rows, "d");
                    if (!users.isEmpty()) {
                        throw DomainException.conflict("The change removes facilities of " + name
                                + " that are still in use by " + String.join(", ", users) + ".");
                    }
                    return null;
                });
    }

    private static Uni<Void> replaceChildren(SqlClient tx, String name, PeeringLocation in) {
        Tuple n = Tuple.of(name);
        Uni<Void> chain = tx.preparedQuery("delete from direct_facility where location_name = $1").execute(n)
                .chain(() -> tx.preparedQuery("delete from bandwidth_offer where location_name = $1").execute(n))
                .chain(() -> tx.preparedQuery("delete from exchange_facility where location_name = $1").execute(n))
                .chain(() -> tx.preparedQuery("delete from cdn_peering_prefix where location_name = $1").execute(n))
                .replaceWithVoid();
        List<Tuple> facilities = new ArrayList<>();
        for (DirectFacility f : in.getDirectFacilitiesList()) {
            facilities.add(Tuple.of(name, f.getPeeringDbFacilityId() == 0 ? null : f.getPeeringDbFacilityId(),
                    f.getName(), f.getAddress(), f.getDirectPeeringType(),
                    f.getPeeringDbFacilityId() == 0 ? null : f.getSource()));
        }
        List<Tuple> offers = new ArrayList<>();
        in.getBandwidthOffersList().forEach(o -> offers.add(Tuple.of(name, o.getOfferName(), o.getValueInMbps())));
        List<Tuple> exchanges = new ArrayList<>();
        for (ExchangeFacility x : in.getExchangeFacilitiesList()) {
            exchanges.add(Tuple.from(new Object[] { name, x.getPeeringDbFacilityId() == 0 ? null
                    : x.getPeeringDbFacilityId(), x.getExchangeName(), x.getBandwidthInMbps(),
                    ne(x.getMicrosoftIpv4Address()), ne(x.getMicrosoftIpv6Address()), ne(x.getFacilityIpv4Prefix()),
                    ne(x.getFacilityIpv6Prefix()), x.getPeeringDbFacilityId() == 0 ? null : x.getSource() }));
        }
        List<Tuple> cdn = new ArrayList<>();
        for (CdnPeeringPrefix c : in.getCdnPeeringPrefixesList()) {
            cdn.add(Tuple.of(name, c.getPrefix(), c.getAzureRegion(), c.getAzureService(), c.getIsPrimaryRegion(),
                    c.getBgpCommunity()));
        }
        if (!facilities.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("insert into direct_facility (location_name,"
                    + " peeringdb_facility_id, name, address, direct_peering_type, source)"
                    + " values ($1, $2, $3, $4, $5, $6)").executeBatch(facilities).replaceWithVoid());
        }
        if (!offers.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("insert into bandwidth_offer (location_name, offer_name,"
                    + " value_in_mbps) values ($1, $2, $3)").executeBatch(offers).replaceWithVoid());
        }
        if (!exchanges.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("insert into exchange_facility (location_name,"
                    + " peeringdb_facility_id, exchange_name, bandwidth_in_mbps, microsoft_ipv4_address,"
                    + " microsoft_ipv6_address, facility_ipv4_prefix, facility_ipv6_prefix, source) values ($1, $2, $3,"
                    + " $4, $5::text::inet, $6::text::inet, $7::text::cidr, $8::text::cidr, $9)")
                    .executeBatch(exchanges).replaceWithVoid());
        }
        if (!cdn.isEmpty()) {
            chain = chain.chain(() -> tx.preparedQuery("insert into cdn_peering_prefix (location_name, prefix,"
                    + " azure_region, azure_service, is_primary_region, bgp_community)"
                    + " values ($1, $2::text::cidr, $3, $4, $5, $6)").executeBatch(cdn).replaceWithVoid());
        }
        return chain;
    }

    /** The operator's input; every failure names the field. */
    void validate(PeeringLocation in, boolean hasLatitude, boolean hasLongitude) {
        if (!LOCATION_NAME.matcher(in.getName()).matches()) {
            throw DomainException.badArgument("peeringLocationName",
                    "A peering location name is 1 to 63 letters, digits, spaces and .'- characters.");
        }
        require(!in.getCountry().isBlank(), "properties.country", "The country is required.");
        require(!in.getAzureRegion().isBlank(), "properties.azureRegion", "The azureRegion is required.");
        require(hasLatitude && Math.abs(in.getLatitude()) <= 90, "properties.latitude",
                "The latitude is required, between -90 and 90.");
        require(hasLongitude && Math.abs(in.getLongitude()) <= 180, "properties.longitude",
                "The longitude is required, between -180 and 180.");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.getDirectFacilitiesCount(); i++) {
            DirectFacility f = in.getDirectFacilities(i);
            String at = "properties.direct.peeringFacilities[" + i + "]";
            require(f.getPeeringDbFacilityId() >= 0, at + ".peeringDBFacilityId", "A facility id is positive.");
            require(!f.getName().isBlank(), at + ".name", "The facility name is required.");
            require(!f.getAddress().isBlank(), at + ".address", "The facility address is required.");
            require(DIRECT_PEERING_TYPES.contains(f.getDirectPeeringType()), at + ".directPeeringType",
                    "The directPeeringType must be one of " + String.join(", ", DIRECT_PEERING_TYPES) + ".");
            require(f.getPeeringDbFacilityId() == 0 || seen.add(f.getPeeringDbFacilityId() + "/"
                    + f.getDirectPeeringType()), at + ".peeringDBFacilityId", "The facility is listed twice.");
        }
        Set<Integer> speeds = new HashSet<>();
        for (int i = 0; i < in.getBandwidthOffersCount(); i++) {
            BandwidthOffer o = in.getBandwidthOffers(i);
            String at = "properties.direct.bandwidthOffers[" + i + "]";
            require(o.getValueInMbps() > 0 && speeds.add(o.getValueInMbps()), at + ".valueInMbps",
                    "Each offer has a distinct positive valueInMbps.");
            require(!o.getOfferName().isBlank(), at + ".offerName", "The offerName is required.");
        }
        Set<String> exchanges = new HashSet<>();
        for (int i = 0; i < in.getExchangeFacilitiesCount(); i++) {
            ExchangeFacility x = in.getExchangeFacilities(i);
            String at = "properties.exchange.peeringFacilities[" + i + "]";
            require(!x.getExchangeName().isBlank() && exchanges.add(x.getExchangeName().toLowerCase(Locale.ROOT)),
                    at + ".exchangeName", "Each exchange has a distinct exchangeName.");
            require(x.getBandwidthInMbps() > 0, at + ".bandwidthInMbps", "The bandwidthInMbps must be positive.");
            requireFamily(x.getMicrosoftIpv4Address(), false, at + ".microsoftIPv4Address", false);
            requireFamily(x.getMicrosoftIpv6Address(), true, at + ".microsoftIPv6Address", false);
            requireFamily(x.getFacilityIpv4Prefix(), false, at + ".facilityIPv4Prefix", true);
            requireFamily(x.getFacilityIpv6Prefix(), true, at + ".facilityIPv6Prefix", true);
        }
        for (int i = 0; i < in.getCdnPeeringPrefixesCount(); i++) {
            CdnPeeringPrefix c = in.getCdnPeeringPrefixes(i);
            String at = "properties.cdnPeeringPrefixes[" + i + "]";
            require(Addresses.prefix(c.getPrefix()) != null, at + ".prefix",
                    "The prefix must be a canonical IPv4 or IPv6 prefix.");
            require(!c.getAzureRegion().isBlank(), at + ".azureRegion", "The azureRegion is required.");
            require(!c.getAzureService().isBlank(), at + ".azureService", "The azureService is required.");
            require(!c.getBgpCommunity().isBlank(), at + ".bgpCommunity", "The bgpCommunity is required.");
        }
    }

    private static void requireFamily(String text, boolean v6, String target, boolean prefix) {
        if (text.isEmpty()) {
            return;
        }
        boolean ok = prefix ? Addresses.prefix(text) != null && Addresses.prefix(text).network().v6() == v6
                : Addresses.address(text) != null && Addresses.address(text).v6() == v6;
        require(ok, target, "The value is not a valid IPv" + (v6 ? "6" : "4") + (prefix ? " prefix." : " address."));
    }

    private static void require(boolean ok, String target, String message) {
        if (!ok) {
            throw DomainException.badArgument(target, message);
        }
    }

    static String canonical(String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    static List<String> column(RowSet<Row> rows, String column) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString(column)));
        return out;
    }

    static <T> List<T> map(RowSet<Row> rows, Function<Row, T> f) {
        List<T> out = new ArrayList<>();
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String ne(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
