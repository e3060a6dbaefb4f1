package org.openpeering.partner;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** partner-service's own settings (the shared ones are in {@code PeeringConfig}). */
@ConfigMapping(prefix = "partner")
public interface PartnerConfig {

    /**
     * The operator's IPv4 pool for sessions with {@code sessionAddressProvider: Microsoft}; each connection gets a
     * /31 (the operator takes the even address).
     */
    @WithDefault("100.64.0.0/16")
    String sessionPoolV4();

    /** The IPv6 pool; each connection gets a /127. Empty: no IPv6 allocation. */
    Optional<String> sessionPoolV6();

    /**
     * The key ring sealing write-only secrets (BGP MD5 keys): {@code id:base64(32 bytes),...}, first one encrypts.
     * From a Kubernetes Secret; no default.
     */
    String secretKeys();

    /**
     * Ask prefix-service before deleting a peering whether prefixes or ASNs are registered under it (DOMAIN.md §1:
     * then 409). Off only where prefix-service does not run (this module's own tests).
     */
    @WithDefault("true")
    boolean registrationCheck();
}
