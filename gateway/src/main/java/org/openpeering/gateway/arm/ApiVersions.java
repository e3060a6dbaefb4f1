package org.openpeering.gateway.arm;

import java.util.List;

/**
 * The api-versions of Microsoft.Peering this gateway accepts. All are served with the 2025-05-01 shapes
 * (fields added in later versions appear in the answers to older clients too; ARM clients ignore unknown fields).
 */
public final class ApiVersions {

    public static final String CURRENT = "2025-05-01";

    public static final List<String> SUPPORTED = List.of("2019-08-01-preview", "2019-09-01-preview",
            "2020-01-01-preview", "2020-04-01", "2020-10-01", "2021-01-01", "2021-06-01", "2022-01-01",
            "2022-06-01", "2022-10-01", CURRENT);

    private ApiVersions() {
    }

    /** Fails with the ARM error for a missing or unknown api-version. */
    public static void check(String apiVersion) {
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw new ArmException(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.", null);
        }
        if (!SUPPORTED.contains(apiVersion)) {
            throw new ArmException(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid. The supported versions are '" + String.join(",", SUPPORTED) + "'.", null);
        }
    }
}
