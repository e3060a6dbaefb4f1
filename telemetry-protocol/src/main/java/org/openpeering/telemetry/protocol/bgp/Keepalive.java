package org.openpeering.telemetry.protocol.bgp;

/** KEEPALIVE: the header alone (RFC 4271 §4.4). */
public record Keepalive() implements BgpMessage {

    /** All keepalives are equal; decoding returns this one to avoid an allocation per hold-time tick. */
    public static final Keepalive INSTANCE = new Keepalive();
}
