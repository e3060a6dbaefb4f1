package org.openpeering.prefix.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.ArmCode;
import org.openpeering.common.DomainException;
import org.openpeering.prefix.Page;
import org.openpeering.prefix.Sql;
import org.openpeering.prefix.Upstreams;
import org.openpeering.prefix.validation.PrefixRules;
import org.openpeering.proto.partner.v1.PeeringSessions;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.prefix.v1.RegisteredAsn;
import org.openpeering.proto.prefix.v1.RegisteredPrefix;
import org.openpeering.service.AsnRules;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.service.Preconditions;
import org.openpeering.telemetry.protocol.Prefix;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The partner side of DOMAIN.md §2: prefixes and ASNs registered under a Peering Service peering, each with a random
 * GUID key. The peering's facts (Peering Service use, Active connections, the partner) come from partner-service.
 */
@ApplicationScoped
public class Registrations {

    static final String PREFIX_COLUMNS = "id, subscription_id, resource_group, peering_name, name, prefix::text as prefix,"
            + " peer_asn, prefix_key::text as prefix_key, validation_state, error_message, version";
    static final String ASN_COLUMNS = "id, subscription_id, resource_group, peering_name, name, asn, peer_asn,"
            + " prefix_key::text as prefix_key, version";

    private final Pool pool;
    private final PeeringConfig config;
    private final Upstreams upstreams;
    private final AsnRules asnRules;

    public Registrations(Pool pool, PeeringConfig config, Upstreams upstreams) {
        this.pool = pool;
        this.config = config;
        this.upstreams = upstreams;
        this.asnRules = new AsnRules(config.operatorAsn(), config.reservedAsns(), config.allowDocumentationResources());
    }

    /** The peering's facts, after the rules that let registrations exist under it (405, 400). */
    private Uni<PeeringSessions> usablePeering(String subscriptionId, String resourceGroup, String peeringName) {
        return upstreams.peering(subscriptionId, resourceGroup, peeringName).map(p -> {
            if (!p.getFound()) {
                throw DomainException.notFound("The Resource 'Microsoft.Peering/peerings/" + peeringName
                        + "' under resource group '" + resourceGroup + "' was not found.");
            }
            if (!p.getUseForPeeringService()) {
                throw new DomainException(ArmCode.OPERATION_NOT_SUPPORTED,
                        "Operation is not supported for this peering type", null);
            }
            if (p.getSessionsCount() == 0) {
                throw DomainException.badArgument("properties", "The peering has no Active connection used for Peering"
                        + " Service" + (p.getInactiveConnectionsCount() == 0 ? "."
                                : "; not Active yet: " + String.join(", ", p.getInactiveConnectionsList()) + "."));
            }
            return p;
        });
    }

    public Uni<Map.Entry<RegisteredPrefix, Boolean>> putPrefix(RegisteredPrefix in, Precondition precondition) {
        Prefix prefix = PrefixRules.publicPrefix(in.getPrefix(), config.allowDocumentationResources(),
                "properties.prefix");
        return usablePeering(in.getSubscriptionId(), in.getResourceGroup(), in.getPeeringName())
                .chain(peering -> pool.withTransaction(tx -> findPrefix(tx, in.getSubscriptionId(), in.getResourceGroup(),
                        in.getPeeringName(), in.getName(), true).chain(existing -> {
                            Preconditions.check(precondition, existing == null ? null : existing.getVersion());
                            if (existing != null) {
                                if (!existing.getPrefix().equals(prefix.toString())) {
                                    throw DomainException.badArgument("properties.prefix", "The prefix of a registered"
                                            + " prefix cannot change (it is " + existing.getPrefix()
                                            + "); delete it and register the new one.");
                                }
                                return Uni.createFrom().item(Map.entry(existing, false));
                            }
                            return tx.preparedQuery("insert into registered_prefix (subscription_id, resource_group,"
                                    + " resource_group_key, peering_name, peering_key, name, name_key, prefix, peer_asn,"
                                    + " peer_name, prefix_key, version) values ($1, $2, $3, $4, $5, $6, $7, $8::text::cidr, $9,"
                                    + " $10, $11, 1)").execute(Tuple.from(new Object[] { in.getSubscriptionId(),
                                            in.getResourceGroup(), Sql.key(in.getResourceGroup()), in.getPeeringName(),
                                            Sql.key(in.getPeeringName()), in.getName(), Sql.key(in.getName()),
                                            prefix.toString(), peering.getPeerAsn(), peering.getPeerName(),
                                            UUID.randomUUID() }))
                                    .onFailure(e -> Sql.violates(e, "registered_prefix_prefix_uq")).transform(e ->
                                            DomainException.conflict("Prefix " + prefix + " is already registered under"
                                                    + " a peering; a prefix can be registered once."))
                                    .chain(() -> findPrefix(tx, in.getSubscriptionId(), in.getResourceGroup(),
                                            in.getPeeringName(), in.getName(), false))
                                    .map(p -> Map.entry(p, true));
                        })));
    }

    public Uni<Map.Entry<RegisteredAsn, Boolean>> putAsn(RegisteredAsn in, Precondition precondition) {
        long asn = in.getAsn();
        String refused = asnRules.rejectionReason(asn);
        if (refused != null) {
            throw DomainException.badArgument("properties.asn", "The asn must be a public AS number: " + refused + ".");
        }
        return usablePeering(in.getSubscriptionId(), in.getResourceGroup(), in.getPeeringName())
                .chain(peering -> pool.withTransaction(tx -> findAsn(tx, in.getSubscriptionId(), in.getResourceGroup(),
                        in.getPeeringName(), in.getName(), true).chain(existing -> {
                            Preconditions.check(precondition, existing == null ? null : existing.getVersion());
                            if (existing != null) {
                                if (existing.getAsn() != asn) {
                                    throw DomainException.badArgument("properties.asn", "The asn of a registered ASN"
                                            + " cannot change (it is " + existing.getAsn() + "); delete it and register"
                                            + " the new one.");
                                }
                                return Uni.createFrom().item(Map.entry(existing, false));
                            }
                            return tx.preparedQuery("insert into registered_asn (subscription_id, resource_group,"
                                    + " resource_group_key, peering_name, peering_key, name, name_key, asn, peer_asn,"
                                    + " peer_name, prefix_key, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                                    + " $11, 1)").execute(Tuple.from(new Object[] { in.getSubscriptionId(),
                                            in.getResourceGroup(), Sql.key(in.getResourceGroup()), in.getPeeringName(),
                                            Sql.key(in.getPeeringName()), in.getName(), Sql.key(in.getName()), asn,
                                            peering.getPeerAsn(), peering.getPeerName(), UUID.randomUUID() }))
                                    .onFailure(e -> Sql.violates(e, "registered_asn_asn_uq")).transform(e ->
                                            DomainException.conflict("AS" + asn + " is already registered; an ASN can"
                                                    + " be registered once."))
                                    .chain(() -> findAsn(tx, in.getSubscriptionId(), in.getResourceGroup(),
                                            in.getPeeringName(), in.getName(), false))
                                    .map(a -> Map.entry(a, true));
                        })));
    }

    public Uni<RegisteredPrefix> getPrefix(String subscriptionId, String resourceGroup, String peering, String name) {
        return findPrefix(pool, subscriptionId, resourceGroup, peering, name, false);
    }

    public Uni<RegisteredAsn> getAsn(String subscriptionId, String resourceGroup, String peering, String name) {
        return findAsn(pool, subscriptionId, resourceGroup, peering, name, false);
    }

    public Uni<Boolean> deletePrefix(String subscriptionId, String resourceGroup, String peering, String name,
            Precondition precondition) {
        return pool.withTransaction(tx -> findPrefix(tx, subscriptionId, resourceGroup, peering, name, true)
                .chain(existing -> delete(tx, "registered_prefix", existing == null ? null : existing.getVersion(),
                        existing == null ? null : existing.getPeeringServicePrefixKey(), subscriptionId, resourceGroup,
                        peering, name, precondition, "registered prefix")));
    }

    public Uni<Boolean> deleteAsn(String subscriptionId, String resourceGroup, String peering, String name,
            Precondition precondition) {
        return pool.withTransaction(tx -> findAsn(tx, subscriptionId, resourceGroup, peering, name, true)
                .chain(existing -> delete(tx, "registered_asn", existing == null ? null : existing.getVersion(),
                        existing == null ? null : existing.getPeeringServicePrefixKey(), subscriptionId, resourceGroup,
                        peering, name, precondition, "registered ASN")));
    }

    /** 409 listing the activated customer prefixes that use the registration's key. */
    private static Uni<Boolean> delete(SqlClient tx, String table, Long version, String key, String subscriptionId,
            String resourceGroup, String peering, String name, Precondition precondition, String what) {
        Preconditions.check(precondition, version);
        if (version == null) {
            return Uni.createFrom().item(false);
        }
        return tx.preparedQuery("select s.subscription_id, s.resource_group, s.name as ps, c.name from customer_prefix c"
                + " join peering_service s on s.id = c.peering_service_id where c.prefix_key = $1::uuid"
                + " order by s.subscription_id, s.resource_group_key, s.name_key, c.name_key").execute(Tuple.of(key))
                .chain(rows -> {
                    List<String> users = new ArrayList<>();
                    for (Row r : rows) {
                        users.add("/subscriptions/" + r.getString("subscription_id") + "/resourceGroups/"
                                + r.getString("resource_group") + "/providers/Microsoft.Peering/peeringServices/"
                                + r.getString("ps") + "/prefixes/" + r.getString("name"));
                    }
                    if (!users.isEmpty()) {
                        throw DomainException.conflict("The " + what + " '" + name + "' is in use by activated"
                                + " customer prefixes; they must be deleted first: " + String.join(", ", users) + ".");
                    }
                    return tx.preparedQuery("delete from " + table + " where subscription_id = $1 and"
                            + " resource_group_key = $2 and peering_key = $3 and name_key = $4")
                            .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering), Sql.key(name)))
                            .replaceWith(true);
                });
    }

    public Uni<Page<RegisteredPrefix>> listPrefixes(String subscriptionId, String resourceGroup, String peering,
            String after, int requestedSize) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        return pool.preparedQuery("select " + PREFIX_COLUMNS + " from registered_prefix where subscription_id = $1"
                + " and resource_group_key = $2 and peering_key = $3 and name_key > $4 order by name_key limit $5")
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering), after == null ? "" : after,
                        size + 1))
                .map(rows -> {
                    List<RegisteredPrefix> items = new ArrayList<>();
                    rows.forEach(r -> items.add(toPrefix(r)));
                    return Page.of(items, size, x -> Sql.key(x.getName()));
                });
    }

    public Uni<Page<RegisteredAsn>> listAsns(String subscriptionId, String resourceGroup, String peering, String after,
            int requestedSize) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        return pool.preparedQuery("select " + ASN_COLUMNS + " from registered_asn where subscription_id = $1"
                + " and resource_group_key = $2 and peering_key = $3 and name_key > $4 order by name_key limit $5")
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering), after == null ? "" : after,
                        size + 1))
                .map(rows -> {
                    List<RegisteredAsn> items = new ArrayList<>();
                    rows.forEach(r -> items.add(toAsn(r)));
                    return Page.of(items, size, x -> Sql.key(x.getName()));
                });
    }

    /** What is registered under a peering: "registeredPrefixes/name" and "registeredAsns/name". */
    public Uni<List<String>> dependents(String subscriptionId, String resourceGroup, String peering) {
        return pool.preparedQuery("select 'registeredPrefixes/' || name as d, name_key from registered_prefix"
                + " where subscription_id = $1 and resource_group_key = $2 and peering_key = $3 union all"
                + " select 'registeredAsns/' || name, name_key from registered_asn where subscription_id = $1"
                + " and resource_group_key = $2 and peering_key = $3 order by 1")
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering))).map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** The registered prefix, or null (for validation). */
    public static Uni<RegisteredPrefix> find(SqlClient client, String subscriptionId, String resourceGroup,
            String peering, String name) {
        return findPrefix(client, subscriptionId, resourceGroup, peering, name, false);
    }

    static Uni<RegisteredPrefix> findPrefix(SqlClient client, String subscriptionId, String resourceGroup,
            String peering, String name, boolean forUpdate) {
        return client.preparedQuery("select " + PREFIX_COLUMNS + " from registered_prefix where subscription_id = $1"
                + " and resource_group_key = $2 and peering_key = $3 and name_key = $4" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering), Sql.key(name)))
                .map(rows -> rows.iterator().hasNext() ? toPrefix(rows.iterator().next()) : null);
    }

    static Uni<RegisteredAsn> findAsn(SqlClient client, String subscriptionId, String resourceGroup, String peering,
            String name, boolean forUpdate) {
        return client.preparedQuery("select " + ASN_COLUMNS + " from registered_asn where subscription_id = $1"
                + " and resource_group_key = $2 and peering_key = $3 and name_key = $4" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peering), Sql.key(name)))
                .map(rows -> rows.iterator().hasNext() ? toAsn(rows.iterator().next()) : null);
    }

    static RegisteredPrefix toPrefix(Row r) {
        RegisteredPrefix.Builder b = RegisteredPrefix.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                .setResourceGroup(r.getString("resource_group")).setPeeringName(r.getString("peering_name"))
                .setName(r.getString("name")).setPrefix(r.getString("prefix")).setPeerAsn(r.getLong("peer_asn"))
                .setPeeringServicePrefixKey(r.getString("prefix_key"))
                .setPrefixValidationState(r.getString("validation_state")).setVersion(r.getLong("version"));
        if (r.getString("error_message") != null) {
            b.setErrorMessage(r.getString("error_message"));
        }
        return b.build();
    }

    static RegisteredAsn toAsn(Row r) {
        return RegisteredAsn.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                .setResourceGroup(r.getString("resource_group")).setPeeringName(r.getString("peering_name"))
                .setName(r.getString("name")).setAsn(r.getLong("asn")).setPeerAsn(r.getLong("peer_asn"))
                .setPeeringServicePrefixKey(r.getString("prefix_key")).setVersion(r.getLong("version")).build();
    }
}
