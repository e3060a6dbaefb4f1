package org.openpeering.partner.peerasn;

import java.util.List;

import org.openpeering.proto.partner.v1.PutPeerAsnRequest;

/** Between the gRPC contract and the domain. */
final class PeerAsnMapper {

    private PeerAsnMapper() {
    }

    static org.openpeering.proto.partner.v1.PeerAsn toProto(PeerAsn p) {
        var b = org.openpeering.proto.partner.v1.PeerAsn.newBuilder()
                .setSubscriptionId(p.subscriptionId)
                .setName(p.name)
                .setPeerAsn(p.peerAsn)
                .setPeerName(p.peerName)
                .setValidationState(p.validationState)
                .setVersion(p.version);
        if (p.errorMessage != null) {
            b.setErrorMessage(p.errorMessage);
        }
        for (ContactDetail c : p.contacts) {
            var cb = org.openpeering.proto.partner.v1.ContactDetail.newBuilder().setRole(c.role).setEmail(c.email);
            if (c.phone != null) {
                cb.setPhone(c.phone);
            }
            b.addPeerContactDetail(cb);
        }
        return b.build();
    }

    static PeerAsnInput toInput(PutPeerAsnRequest r) {
        List<ContactDetail> contacts = r.getPeerContactDetailList().stream()
                .map(c -> new ContactDetail(emptyToNull(c.getRole()), emptyToNull(c.getEmail()),
                        emptyToNull(c.getPhone())))
                .toList();
        return new PeerAsnInput(r.getSubscriptionId(), r.getName(), r.hasPeerAsn() ? r.getPeerAsn() : null,
                contacts, r.hasPeerName() ? r.getPeerName() : null, toPrecondition(r.getPrecondition()));
    }

    static Precondition toPrecondition(org.openpeering.proto.partner.v1.Precondition p) {
        return org.openpeering.partner.catalogue.Preconditions.of(p);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
