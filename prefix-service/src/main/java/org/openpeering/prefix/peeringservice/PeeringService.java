package org.openpeering.prefix.peeringservice;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** A customer's peering service: which provider carries its prefixes, at which locations (ARM {@code peeringServices}). */
@Entity
@Table(name = "peering_service")
public class PeeringService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(name = "resource_group", nullable = false)
    public String resourceGroup;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String location;

    @Column(name = "sku_name")
    public String skuName;

    @Column(name = "peering_service_location")
    public String peeringServiceLocation;

    @Column(name = "peering_service_provider")
    public String peeringServiceProvider;

    @Column(name = "provider_primary_peering_location")
    public String providerPrimaryPeeringLocation;

    @Column(name = "provider_backup_peering_location")
    public String providerBackupPeeringLocation;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "peering_service_tag", joinColumns = @JoinColumn(name = "peering_service_id"))
    @MapKeyColumn(name = "tag_key")
    @Column(name = "tag_value")
    public Map<String, String> tags = new HashMap<>();
}
