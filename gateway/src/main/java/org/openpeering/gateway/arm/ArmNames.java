package org.openpeering.gateway.arm;

import java.util.regex.Pattern;

/** Validation of the names in a request path. */
public final class ArmNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,63}");
    /** ARM's own rule for resource group names. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]{1,90}");

    private ArmNames() {
    }

    /** The name, or 400 InvalidResourceName naming the path parameter. */
    public static String name(String value, String parameter) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw ArmException.invalidName(parameter, value);
        }
        return value;
    }

    public static String subscription(String value) {
        return name(value, "subscriptionId");
    }

    public static String resourceGroup(String value) {
        if (value == null || !RESOURCE_GROUP.matcher(value).matches() || value.endsWith(".")) {
            throw new ArmException(400, "InvalidResourceName", "The resource group name '" + value
                    + "' is invalid.", "resourceGroupName");
        }
        return value;
    }
}
