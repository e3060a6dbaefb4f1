package org.openpeering.telemetry.protocol.bgp;

/** The five BGP-4 messages (RFC 4271 §4, RFC 2918 for ROUTE-REFRESH). */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {

    int TYPE_OPEN = 1;
    int TYPE_UPDATE = 2;
    int TYPE_NOTIFICATION = 3;
    int TYPE_KEEPALIVE = 4;
    int TYPE_ROUTE_REFRESH = 5;

    /** Marker (16) + length (2) + type (1). */
    int HEADER_LENGTH = 19;
    /** RFC 4271 limit, and still the limit for OPEN and KEEPALIVE under RFC 8654. */
    int MAX_LENGTH = 4096;
    /** RFC 8654 limit once both sides advertised the Extended Message capability. */
    int MAX_EXTENDED_LENGTH = 65535;
}
