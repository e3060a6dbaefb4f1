package org.openpeering.partner.catalogue;

/** A stored resource and whether the call created it. */
public record PutResult<T>(T value, boolean created) {
}
