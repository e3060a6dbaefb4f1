package org.openpeering.prefix;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.vertx.pgclient.PgException;

/** Small helpers every prefix-service store shares. */
public final class Sql {

    public static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private Sql() {
    }

    /** The comparison key of an ARM name (names are case-insensitive). */
    public static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /** True when the failure is a violation of the named unique or exclusion constraint. */
    public static boolean violates(Throwable failure, String constraint) {
        return failure instanceof PgException pg
                && ("23505".equals(pg.getSqlState()) || "23P01".equals(pg.getSqlState()))
                && pg.getMessage() != null && pg.getMessage().contains(constraint);
    }

    public static String at(java.time.OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(AT);
    }
}
