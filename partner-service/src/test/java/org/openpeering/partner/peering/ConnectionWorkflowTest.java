package org.openpeering.partner.peering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;

class ConnectionWorkflowTest {

    static Connection pending() {
        return Connection.newBuilder().setConnectionIdentifier("c1").setConnectionState("PendingApproval")
                .setBandwidthInMbps(10000).setBgpSession(BgpSession.newBuilder().setPeerSessionIpv4Address("203.0.113.1")
                        .setSessionStateV4("PendingAdd")).build();
    }

    @Test
    void theOperatorWalksAConnectionToActive() {
        Connection c = ConnectionWorkflow.move(pending(), "approved", "ams-r1", null);
        assertEquals("Approved", c.getConnectionState());
        assertEquals("ams-r1", c.getRouterName());
        for (String s : new String[] { "ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active" }) {
            c = ConnectionWorkflow.move(c, s, "", null);
        }
        assertEquals("Active", c.getConnectionState());
        assertEquals(10000, c.getProvisionedBandwidthInMbps());
        assertEquals("Idle", c.getBgpSession().getSessionStateV4());
        assertEquals("ams-r2", ConnectionWorkflow.move(c, "Active", "ams-r2", null).getRouterName());
    }

    @Test
    void illegalStepsAreRefusedWithTheFieldNamed() {
        DomainException skip = assertThrows(DomainException.class, () -> ConnectionWorkflow.move(pending(), "Active", "", null));
        assertEquals("state", skip.target());
        assertTrue(skip.getMessage().contains("next: Approved, ProvisioningFailed"), skip.getMessage());
        assertEquals("routerName", assertThrows(DomainException.class,
                () -> ConnectionWorkflow.move(pending(), "Approved", "", null)).target());
        assertEquals("errorMessage", assertThrows(DomainException.class,
                () -> ConnectionWorkflow.move(pending(), "ProvisioningFailed", "", " ")).target());
        assertEquals("state", assertThrows(DomainException.class,
                () -> ConnectionWorkflow.move(pending(), "Sleeping", "", null)).target());
        Connection failed = ConnectionWorkflow.move(pending(), "ProvisioningFailed", "", "Cross-connect not found");
        assertEquals("Cross-connect not found", failed.getErrorMessage());
        assertEquals("", ConnectionWorkflow.move(failed, "Approved", "ams-r1", null).getErrorMessage());
    }
}
