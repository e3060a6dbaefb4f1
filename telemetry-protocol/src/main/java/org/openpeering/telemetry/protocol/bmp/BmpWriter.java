package org.openpeering.telemetry.protocol.bmp;

import org.openpeering.telemetry.protocol.ByteWriter;

/** The BMP encoder's writer: the common header's length is patched in once the body is known. */
final class BmpWriter extends ByteWriter<BmpWriter> {

    private BmpWriter() {
        super(256);
    }

    /** Common header with a placeholder length, fixed up by {@link #finish()}. */
    static BmpWriter message(int type) {
        return new BmpWriter().u8(BmpMessage.VERSION).u32(0).u8(type);
    }

    byte[] finish() {
        put32(1, size);
        return toByteArray();
    }
}
