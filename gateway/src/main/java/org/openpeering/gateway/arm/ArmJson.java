package org.openpeering.gateway.arm;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies field by field, so that a wrong type is reported with the JSON path of the field
 * ({@code InvalidRequestContent}, {@code target}). Unknown fields are ignored, as ARM does.
 */
public final class ArmJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArmJson() {
    }

    /** The body as a JSON object, or 400 InvalidRequestContent. */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ArmException.invalidContent(null, "The request content is empty; a JSON object is required.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ArmException.invalidContent(null, "The request content is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw ArmException.invalidContent(null, "The request content could not be read.");
        }
        if (node == null || !node.isObject()) {
            throw ArmException.invalidContent(null, "The request content must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** A child object, null when absent or JSON null; 400 when it is not an object. */
    public static ObjectNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(path, "an object");
        }
        return (ObjectNode) n;
    }

    /** A child array, null when absent or JSON null; 400 when it is not an array. */
    public static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(path, "an array");
        }
        return n;
    }

    /** A string field, null when absent or JSON null; 400 when it has another type. */
    public static String string(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(path, "a string");
        }
        return n.textValue();
    }

    /** An integer field, null when absent or JSON null; 400 for other types, fractions and out-of-range values. */
    public static Long integer(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrongType(path, "an integer");
        }
        return n.longValue();
    }

    private static ArmException wrongType(String path, String expected) {
        return ArmException.invalidContent(path, "The value of '" + path + "' must be " + expected + ".");
    }
}
