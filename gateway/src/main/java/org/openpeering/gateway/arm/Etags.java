package org.openpeering.gateway.arm;

/** Resource versions as ARM etags ({@code "3"}), and the conditional-request headers that refer to them. */
public final class Etags {

    /** What If-Match / If-None-Match ask for. {@code ifMatchVersion} -1 stands for an etag that never matches. */
    public record Condition(Long ifMatchVersion, boolean ifMatchAny, boolean ifNoneMatchAny) {
    }

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static Condition condition(String ifMatch, String ifNoneMatch) {
        Long version = null;
        boolean any = false;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.trim();
            if (v.equals("*")) {
                any = true;
            } else {
                version = parse(v);
            }
        }
        boolean noneAny = ifNoneMatch != null && ifNoneMatch.trim().equals("*");
        return new Condition(version, any, noneAny);
    }

    private static long parse(String etag) {
        String v = etag.startsWith("W/") ? etag.substring(2) : etag;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
