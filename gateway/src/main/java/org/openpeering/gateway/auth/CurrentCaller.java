package org.openpeering.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served (set by the authorization filter; null before it or for open paths). */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private String requestId;
    private String operation;
    private String resourceId;

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return requestId;
    }

    /** The ARM operation, e.g. {@code PUT Microsoft.Peering/peerAsns}. */
    public String operation() {
        return operation;
    }

    /** The request path, which is the ARM resource id for resource operations. */
    public String resourceId() {
        return resourceId;
    }

    void set(Caller caller, String requestId, String operation, String resourceId) {
        this.caller = caller;
        this.requestId = requestId;
        this.operation = operation;
        this.resourceId = resourceId;
    }
}
