package org.openpeering.partner.peerasn;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact of a peer ASN registration. */
@Embeddable
public class ContactDetail {

    /** Noc, Policy, Technical, Service, Escalation or Other. */
    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String email;

    public String phone;

    public ContactDetail() {
    }

    public ContactDetail(String role, String email, String phone) {
        this.role = role;
        this.email = email;
        this.phone = phone;
    }
}
