package org.openpeering.prefix.peeringservice;

import java.util.List;
import java.util.Map;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.ServiceLocation;
import org.openpeering.proto.prefix.v1.PeeringService;

/** The rules of a customer peering service (DOMAIN.md §2), checked before anything is stored. */
public final class PeeringServiceRules {

    private PeeringServiceRules() {
    }

    /** What can be decided from the request alone. */
    static void checkShape(PeeringService in) {
        if (in.getLocation().isBlank()) {
            throw DomainException.badArgument("location", "The location is required.");
        }
        required(in.getPeeringServiceLocation(), "properties.peeringServiceLocation");
        required(in.getPeeringServiceProvider(), "properties.peeringServiceProvider");
        required(in.getProviderPrimaryPeeringLocation(), "properties.providerPrimaryPeeringLocation");
        if (in.getProviderPrimaryPeeringLocation().equalsIgnoreCase(in.getProviderBackupPeeringLocation())) {
            throw DomainException.badArgument("properties.providerBackupPeeringLocation", "The backup peering location"
                    + " must differ from the primary peering location.");
        }
        checkTags(in.getTagsMap());
    }

    private static void required(String value, String target) {
        if (value == null || value.isBlank()) {
            String field = target.substring(target.lastIndexOf('.') + 1);
            throw DomainException.badArgument(target, "The " + field + " is required.");
        }
    }

    static void checkTags(Map<String, String> tags) {
        if (tags.size() > 50) {
            throw DomainException.badArgument("tags", "At most 50 tags are allowed.");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().isEmpty() || t.getKey().length() > 512 || t.getValue().length() > 256) {
                throw DomainException.badArgument("tags", "Tag names are 1 to 512 characters, values at most 256.");
            }
        }
    }

    /** The rules that need partner-service's provider directory and catalogue. */
    static void checkAgainst(PeeringService in, ProviderSessions provider, List<ServiceLocation> locations) {
        if (!provider.getProvider()) {
            throw DomainException.badArgument("properties.peeringServiceProvider", "Peering service provider '"
                    + in.getPeeringServiceProvider() + "' is " + (provider.getKnown() ? "not a Peering Service provider"
                            : "unknown") + "; see peeringServiceProviders.");
        }
        if (!contains(provider.getPrimaryLocationsList(), in.getProviderPrimaryPeeringLocation())) {
            throw DomainException.badArgument("properties.providerPrimaryPeeringLocation", "Provider '"
                    + provider.getName() + "' cannot serve '" + in.getProviderPrimaryPeeringLocation()
                    + "' as a primary location; it can: " + String.join(", ", provider.getPrimaryLocationsList()) + ".");
        }
        String backup = in.getProviderBackupPeeringLocation();
        if (!backup.isBlank() && !contains(provider.getPrimaryLocationsList(), backup)
                && !contains(provider.getBackupLocationsList(), backup)) {
            List<String> capable = new java.util.ArrayList<>(provider.getPrimaryLocationsList());
            capable.addAll(provider.getBackupLocationsList());
            throw DomainException.badArgument("properties.providerBackupPeeringLocation", "Provider '"
                    + provider.getName() + "' cannot serve '" + backup + "' as a backup location; it can: "
                    + String.join(", ", capable) + ".");
        }
        if (locations.stream().noneMatch(l -> l.getState().equalsIgnoreCase(in.getPeeringServiceLocation()))) {
            throw DomainException.badArgument("properties.peeringServiceLocation", "Peering service location '"
                    + in.getPeeringServiceLocation() + "' is unknown; see peeringServiceLocations.");
        }
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }
}
