package org.openpeering.telemetry.protocol.rpki;


/**
 * A PDU that cannot be accepted, with the RFC 8210 §12 error code to put in the Error Report sent back and the
 * offending bytes (possibly empty) to encapsulate in it.
 */
public final class RtrException extends Exception {

    private static final long serialVersionUID = 1L;

    public static final int CORRUPT_DATA = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int NO_DATA_AVAILABLE = 2;
    public static final int INVALID_REQUEST = 3;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = 4;
    public static final int UNSUPPORTED_PDU_TYPE = 5;
    public static final int WITHDRAWAL_OF_UNKNOWN_RECORD = 6;
    public static final int DUPLICATE_ANNOUNCEMENT_RECEIVED = 7;
    public static final int UNEXPECTED_PROTOCOL_VERSION = 8;

    private final int errorCode;
    private final transient byte[] pdu;

    public RtrException(int errorCode, String message, byte[] pdu) {
        super(message);
        this.errorCode = errorCode;
        this.pdu = pdu == null ? new byte[0] : pdu.clone();
    }

    public RtrException(int errorCode, String message) {
        this(errorCode, message, null);
    }

    /** The RFC 8210 error code to report to the peer. */
    public int errorCode() {
        return errorCode;
    }

    /** The erroneous PDU as received (a copy), for the Error Report. */
    public byte[] pdu() {
        return pdu.clone();
    }

    /** The error code's name from RFC 8210 §12. */
    public static String codeName(int code) {
        return switch (code) {
            case CORRUPT_DATA -> "Corrupt Data";
            case INTERNAL_ERROR -> "Internal Error";
            case NO_DATA_AVAILABLE -> "No Data Available";
            case INVALID_REQUEST -> "Invalid Request";
            case UNSUPPORTED_PROTOCOL_VERSION -> "Unsupported Protocol Version";
            case UNSUPPORTED_PDU_TYPE -> "Unsupported PDU Type";
            case WITHDRAWAL_OF_UNKNOWN_RECORD -> "Withdrawal of Unknown Record";
            case DUPLICATE_ANNOUNCEMENT_RECEIVED -> "Duplicate Announcement Received";
            case UNEXPECTED_PROTOCOL_VERSION -> "Unexpected Protocol Version";
            default -> "error " + code;
        };
    }

    @Override
    public String toString() {
        return "RtrException[" + codeName(errorCode) + ": " + getMessage() + ", " + pdu.length + " PDU bytes]";
    }
}
