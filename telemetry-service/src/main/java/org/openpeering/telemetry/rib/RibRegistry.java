package org.openpeering.telemetry.rib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Every session's Adj-RIB-In, by session; the in-memory routing table the read APIs answer from. */
@ApplicationScoped
public class RibRegistry {

    private final ConcurrentHashMap<SessionKey, SessionRib> sessions = new ConcurrentHashMap<>();
    private final AttributeInterner interner = new AttributeInterner();

    public SessionRib session(SessionKey key) {
        return sessions.computeIfAbsent(key, SessionRib::new);
    }

    public SessionRib find(SessionKey key) {
        return sessions.get(key);
    }

    /** Sessions of a router with a peer address (any ASN), for callers that know the connection, not the ASN. */
    public List<SessionRib> find(String router, String peerAddress) {
        List<SessionRib> out = new ArrayList<>();
        for (SessionRib s : sessions.values()) {
            if (s.key().router().equalsIgnoreCase(router) && s.key().peerAddress().equals(peerAddress)) {
                out.add(s);
            }
        }
        return out;
    }

    public Collection<SessionRib> all() {
        return sessions.values();
    }

    public AttributeInterner interner() {
        return interner;
    }
}
