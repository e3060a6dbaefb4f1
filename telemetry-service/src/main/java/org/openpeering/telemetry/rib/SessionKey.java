package org.openpeering.telemetry.rib;

/** One partner connection's BGP session on one operator router (ARCHITECTURE.md "Sessions and routers"). */
public record SessionKey(String router, String peerAddress, long peerAsn) {

    @Override
    public String toString() {
        return peerAddress + " (AS" + peerAsn + ", router " + router + ")";
    }
}
