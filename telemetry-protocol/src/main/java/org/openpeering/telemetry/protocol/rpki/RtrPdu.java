package org.openpeering.telemetry.protocol.rpki;

/**
 * The PDUs of the RPKI to Router protocol, RFC 8210 (version 1) and RFC 6810 (version 0). The protocol version is a
 * property of the session, not of the values: {@link RtrCodec#encode} takes it as an argument and
 * {@link RtrCodec#version} reads it from received bytes.
 */
public sealed interface RtrPdu
        permits SerialNotify, SerialQuery, ResetQuery, CacheResponse, Ipv4Prefix, Ipv6Prefix, EndOfData, CacheReset,
        RouterKey, ErrorReport {

    int SERIAL_NOTIFY = 0;
    int SERIAL_QUERY = 1;
    int RESET_QUERY = 2;
    int CACHE_RESPONSE = 3;
    int IPV4_PREFIX = 4;
    int IPV6_PREFIX = 6;
    int END_OF_DATA = 7;
    int CACHE_RESET = 8;
    int ROUTER_KEY = 9;
    int ERROR_REPORT = 10;

    /** The PDU type code. */
    int type();

    /** Session IDs are 16 bits, serial numbers 32 bits unsigned (RFC 1982 arithmetic). */
    static void checkSession(int sessionId) {
        if (sessionId < 0 || sessionId > 0xFFFF) {
            throw new IllegalArgumentException("session id out of range: " + sessionId);
        }
    }

    static void checkSerial(long serial) {
        if (serial < 0 || serial > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
    }
}
