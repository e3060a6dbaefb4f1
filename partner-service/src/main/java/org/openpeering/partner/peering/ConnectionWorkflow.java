package org.openpeering.partner.peering;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;

/** The operator's connection workflow: PendingApproval → Approved → … → Active, or ProvisioningFailed. */
public final class ConnectionWorkflow {

    static final List<String> STATES = List.of("None", "PendingApproval", "Approved", "ProvisioningStarted",
            "ProvisioningFailed", "ProvisioningCompleted", "Validating", "Active", "TypeChangeRequested",
            "TypeChangeInProgress", "ExternalBlocker");

    private static final Map<String, Set<String>> NEXT = Map.of(
            "PendingApproval", Set.of("Approved", "ProvisioningFailed"),
            "Approved", Set.of("ProvisioningStarted", "ProvisioningFailed"),
            "ProvisioningStarted", Set.of("ProvisioningCompleted", "ProvisioningFailed"),
            "ProvisioningCompleted", Set.of("Validating", "ProvisioningFailed"),
            "Validating", Set.of("Active", "ProvisioningFailed"),
            "ProvisioningFailed", Set.of("Approved", "ProvisioningStarted"),
            "Active", Set.of());

    private ConnectionWorkflow() {
    }

    /**
     * The connection after the operator's step. The same state again with a router name reassigns the router
     * (from Approved on). {@code routerName} is already checked to be a router of the connection's facility.
     */
    public static Connection move(Connection c, String requested, String routerName, String errorMessage) {
        String state = PeeringRules.canonical(requested, STATES);
        PeeringRules.require(state != null, "state", "The state must be one of " + String.join(", ", NEXT.keySet()) + ".");
        String current = c.getConnectionState();
        boolean reassign = state.equals(current) && !routerName.isEmpty() && !current.equals("PendingApproval");
        if (!reassign && !NEXT.getOrDefault(current, Set.of()).contains(state)) {
            throw DomainException.badArgument("state", "Connection " + c.getConnectionIdentifier() + " cannot move from "
                    + current + " to " + state + (NEXT.getOrDefault(current, Set.of()).isEmpty() ? "."
                            : "; next: " + String.join(", ", NEXT.get(current).stream().sorted().toList()) + "."));
        }
        String router = routerName.isEmpty() ? c.getRouterName() : routerName;
        PeeringRules.require(!state.equals("Approved") || !router.isEmpty(), "routerName",
                "Approving a connection assigns it to a router of its facility: routerName is required.");
        String error = errorMessage == null ? "" : errorMessage.trim();
        PeeringRules.require(!state.equals("ProvisioningFailed") || !error.isEmpty(), "errorMessage",
                "ProvisioningFailed needs an errorMessage that tells the partner what went wrong.");
        PeeringRules.require(error.length() <= 1000, "errorMessage", "The errorMessage is longer than 1000 characters.");
        Connection.Builder b = c.toBuilder().setConnectionState(state).setRouterName(router)
                .setErrorMessage(state.equals("ProvisioningFailed") ? error : "");
        if (state.equals("Active")) {
            b.setProvisionedBandwidthInMbps(c.getBandwidthInMbps());
        }
        BgpSession.Builder s = c.getBgpSession().toBuilder();
        PeeringRules.pendingStates(s, state);
        return b.setBgpSession(s).build();
    }
}
