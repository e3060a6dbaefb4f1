package org.openpeering.telemetry.protocol.bgp;

import java.util.List;

/**
 * UPDATE (RFC 4271 §4.3 with RFC 4760 MP_REACH_NLRI / MP_UNREACH_NLRI folded in).
 *
 * @param withdrawn       IPv4 withdrawn routes, then MP_UNREACH_NLRI routes
 * @param announced       IPv4 NLRI, then MP_REACH_NLRI routes; all share {@code attributes}
 * @param attributes      {@code null} when the UPDATE carries no attribute besides MP_REACH / MP_UNREACH
 * @param mpNextHop       MP_REACH_NLRI next hop as text (the global one when a link-local follows), or {@code null}
 * @param treatAsWithdraw RFC 7606 §2: an error was found that spares the session but not the routes; every
 *                        announced route must be handled as withdrawn
 * @param endOfRib        the family when this UPDATE is an RFC 4724 §2 End-of-RIB marker, else {@code null}
 * @param errors          what RFC 7606 handling did, for logs ("attribute discard: AGGREGATOR length 5"); empty
 *                        for a clean UPDATE
 */
public record Update(List<Nlri> withdrawn, List<Nlri> announced, PathAttributes attributes, String mpNextHop,
        boolean treatAsWithdraw, AfiSafi endOfRib, List<String> errors) implements BgpMessage {

    public Update {
        withdrawn = withdrawn == null ? List.of() : withdrawn;
        announced = announced == null ? List.of() : announced;
        errors = errors == null ? List.of() : errors;
    }

    public boolean isEndOfRib() {
        return endOfRib != null;
    }
}
