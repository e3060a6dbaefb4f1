package org.openpeering.prefix.peeringservice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Storage of customer peering services. */
@ApplicationScoped
public class PeeringServiceRepository implements PanacheRepository<PeeringService> {

    /**
     * One page of a subscription's peering services ordered by (resource group, name), after the given position;
     * {@code resourceGroup} null means all of them.
     */
    public Uni<List<PeeringService>> page(String subscriptionId, String resourceGroup, String afterGroup,
            String afterName, int size) {
        String g = afterGroup == null ? "" : afterGroup;
        String n = afterName == null ? "" : afterName;
        Parameters p = Parameters.with("s", subscriptionId).and("g", g).and("n", n);
        String where = "subscriptionId = :s and (resourceGroup > :g or (resourceGroup = :g and name > :n))";
        if (resourceGroup != null) {
            where += " and lower(resourceGroup) = :rg";
            p = p.and("rg", resourceGroup.toLowerCase(java.util.Locale.ROOT));
        }
        return find(where + " order by resourceGroup, name", p).page(0, size).list();
    }
}
