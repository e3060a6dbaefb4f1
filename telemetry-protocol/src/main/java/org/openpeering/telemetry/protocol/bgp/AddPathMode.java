package org.openpeering.telemetry.protocol.bgp;

/** The Send/Receive field of an ADD-PATH capability tuple (RFC 7911 §4): 1 receive, 2 send, 3 both. */
public enum AddPathMode {
    RECEIVE(1),
    SEND(2),
    BOTH(3);

    private final int code;

    AddPathMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean canReceive() {
        return this != SEND;
    }

    public boolean canSend() {
        return this != RECEIVE;
    }

    /** {@code null} for any other value: RFC 7911 says such a capability is treated as not understood. */
    public static AddPathMode fromCode(int code) {
        return switch (code) {
            case 1 -> RECEIVE;
            case 2 -> SEND;
            case 3 -> BOTH;
            default -> null;
        };
    }
}
