package org.openpeering.partner.peerasn;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Storage of peer ASN registrations. */
@ApplicationScoped
public class PeerAsnRepository implements PanacheRepository<PeerAsn> {

    public Uni<PeerAsn> findByName(String subscriptionId, String name) {
        return find("subscriptionId = :s and name = :n", Parameters.with("s", subscriptionId).and("n", name))
                .firstResult();
    }

    public Uni<PeerAsn> findByAsn(long asn) {
        return find("peerAsn", asn).firstResult();
    }

    /** One page of a subscription's registrations in name order, after the given name (keyset paging). */
    public Uni<List<PeerAsn>> page(String subscriptionId, String afterName, int size) {
        return find("subscriptionId = :s and name > :after order by name",
                Parameters.with("s", subscriptionId).and("after", afterName == null ? "" : afterName))
                .page(0, size).list();
    }
}
