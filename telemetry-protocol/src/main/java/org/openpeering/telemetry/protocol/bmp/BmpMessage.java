package org.openpeering.telemetry.protocol.bmp;

/**
 * One decoded BMP v3 message (RFC 7854, with the Loc-RIB additions of RFC 9069 and the Adj-RIB-Out
 * flag of RFC 8671). Sealed so a station can switch exhaustively over the seven message types.
 *
 * <p>Embedded BGP PDUs are carried as raw bytes (complete message including the 19-byte header):
 * this package deliberately does not depend on the BGP codec, the caller decodes them later.
 */
public sealed interface BmpMessage
        permits Initiation, Termination, PeerUp, PeerDown, RouteMonitoring, StatisticsReport, RouteMirroring {

    /** Protocol version carried in every common header; anything else is rejected. */
    int VERSION = 3;
    /** Common header: version (1), message length (4), message type (1). */
    int COMMON_HEADER_LENGTH = 6;
    /** Per-peer header: type, flags, distinguisher, address, AS, BGP ID, timestamp seconds, microseconds. */
    int PER_PEER_HEADER_LENGTH = 42;

    int TYPE_ROUTE_MONITORING = 0;
    int TYPE_STATISTICS_REPORT = 1;
    int TYPE_PEER_DOWN = 2;
    int TYPE_PEER_UP = 3;
    int TYPE_INITIATION = 4;
    int TYPE_TERMINATION = 5;
    int TYPE_ROUTE_MIRRORING = 6;

    /** The message type code of the common header. */
    int type();
}
