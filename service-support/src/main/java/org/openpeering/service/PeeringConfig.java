package org.openpeering.service;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The operator settings every rule refers to (DOMAIN.md §0). */
@ConfigMapping(prefix = "peering")
public interface PeeringConfig {

    /** The operator's own AS; never accepted as a peer. */
    @WithDefault("8075")
    long operatorAsn();

    /** ASNs refused as peers besides the special-purpose ranges. */
    @WithDefault("8069")
    List<Long> reservedAsns();

    /** Accept documentation ASNs and prefixes as if public (local run and tests only). */
    @WithDefault("false")
    boolean allowDocumentationResources();

    /** Page size of list operations. */
    @WithDefault("100")
    int pageSize();

    /** The bearer token every gRPC caller must present (the gateway and the services hold it; no default). */
    String serviceToken();
}
