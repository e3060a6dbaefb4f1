package org.openpeering.gateway.peering;

import java.util.ArrayList;
import java.util.List;

import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.telemetry.v1.SessionRef;

/** A peering's BGP sessions as telemetry-service knows them: each connection on a router, one per address family. */
public final class SessionRefs {

    private SessionRefs() {
    }

    /** Every session of a connection the operator has placed on a router ({@code activeOnly}: Active ones only). */
    public static List<SessionRef> of(Peering p, boolean activeOnly) {
        List<SessionRef> out = new ArrayList<>();
        for (Connection c : p.getConnectionsList()) {
            if (c.getRouterName().isEmpty() || (activeOnly && !c.getConnectionState().equals("Active"))) {
                continue;
            }
            for (String peer : new String[] { c.getBgpSession().getPeerSessionIpv4Address(),
                c.getBgpSession().getPeerSessionIpv6Address() }) {
                if (!peer.isEmpty()) {
                    out.add(SessionRef.newBuilder().setRouter(c.getRouterName()).setPeerAddress(peer).build());
                }
            }
        }
        return out;
    }
}
