package org.openpeering.telemetry.protocol.rpki;

import java.util.Arrays;
import java.util.Objects;

/**
 * Either side: something went wrong (RFC 8210 §5.11). {@code erroneousPdu} is the offending PDU as received (may be
 * empty), {@code errorText} a diagnostic (may be empty). Codes are the {@link RtrException} constants.
 */
public record ErrorReport(int errorCode, byte[] erroneousPdu, String errorText) implements RtrPdu {

    public ErrorReport {
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("error code out of range: " + errorCode);
        }
        erroneousPdu = erroneousPdu == null ? new byte[0] : erroneousPdu.clone();
        errorText = errorText == null ? "" : errorText;
    }

    @Override
    public byte[] erroneousPdu() {
        return erroneousPdu.clone();
    }

    @Override
    public int type() {
        return ERROR_REPORT;
    }

    // arrays compare by content: records would compare them by reference
    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorReport e && e.errorCode == errorCode && Arrays.equals(e.erroneousPdu, erroneousPdu)
                && e.errorText.equals(errorText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(errorCode, Arrays.hashCode(erroneousPdu), errorText);
    }

    @Override
    public String toString() {
        return "ErrorReport[" + RtrException.codeName(errorCode) + " (" + errorCode + "), " + erroneousPdu.length
                + " PDU bytes, \"" + errorText + "\"]";
    }
}
