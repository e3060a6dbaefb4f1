package org.openpeering.telemetry.protocol.rpki;

/**
 * RFC 6811 route origin validation outcome. The RFC knows three states; the two Invalid reasons are kept apart
 * because an operator fixes them differently (wrong origin: a hijack or a missing ROA; too long: a more-specific
 * the ROA does not allow).
 */
public enum Validity {
    VALID("Valid"),
    INVALID_ORIGIN("Invalid"),
    INVALID_LENGTH("Invalid"),
    NOT_FOUND("NotFound");

    private final String rpkiState;

    Validity(String rpkiState) {
        this.rpkiState = rpkiState;
    }

    /** The RFC 6811 state name as the API reports it: "Valid", "Invalid" or "NotFound". */
    public String rpkiState() {
        return rpkiState;
    }

    public boolean isInvalid() {
        return this == INVALID_ORIGIN || this == INVALID_LENGTH;
    }
}
