package org.openpeering.partner.peerasn;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A partner's registration of an ASN it peers with (ARM {@code peerAsns}). */
@Entity
@Table(name = "peer_asn")
public class PeerAsn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(nullable = false)
    public String name;

    @Column(name = "peer_asn", nullable = false)
    public long peerAsn;

    @Column(name = "peer_name", nullable = false)
    public String peerName;

    @Column(name = "validation_state", nullable = false)
    public String validationState;

    @Column(name = "error_message")
    public String errorMessage;

    /** Increases with every write; it is the resource's etag. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "peer_asn_contact", joinColumns = @JoinColumn(name = "peer_asn_id"))
    @OrderColumn(name = "position")
    public List<ContactDetail> contacts = new ArrayList<>();
}
