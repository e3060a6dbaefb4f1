package org.openpeering.prefix.peeringservice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of customer peering services. (Creating them arrives with the prefix registration work.) */
@ApplicationScoped
public class PeeringServiceCatalog {

    /** One page and the position after it (null on the last page). */
    public record Page(List<PeeringService> items, String nextPosition) {
    }

    private final PeeringServiceRepository repository;
    private final PeeringConfig config;

    public PeeringServiceCatalog(PeeringServiceRepository repository, PeeringConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** {@code position} is "resourceGroup/name" of the last item seen, or null for the first page. */
    @WithSession
    public Uni<Page> list(String subscriptionId, String resourceGroup, String position, int requestedSize) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        String afterGroup = null;
        String afterName = null;
        if (position != null) {
            int slash = position.indexOf('/');
            afterGroup = slash < 0 ? position : position.substring(0, slash);
            afterName = slash < 0 ? "" : position.substring(slash + 1);
        }
        return repository.page(subscriptionId, resourceGroup, afterGroup, afterName, size + 1)
                .map(rows -> {
                    if (rows.size() <= size) {
                        return new Page(rows, null);
                    }
                    PeeringService last = rows.get(size - 1);
                    return new Page(rows.subList(0, size), last.resourceGroup + "/" + last.name);
                });
    }
}
