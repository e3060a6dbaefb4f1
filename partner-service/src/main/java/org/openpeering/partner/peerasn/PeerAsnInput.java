package org.openpeering.partner.peerasn;

import java.util.List;

/** What a client asks to store for a peer ASN (read-only fields are not part of it). */
public record PeerAsnInput(String subscriptionId, String name, Long peerAsn, List<ContactDetail> contacts,
        String peerName, Precondition precondition) {
}
