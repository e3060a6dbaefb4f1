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

    /** A boolean field, null when absent or JSON null; 400 for other types. */
    public static Boolean bool(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(path, "a boolean");
        }
        return n.booleanValue();
    }

    /** A 32-bit integer field, null when absent or JSON null; 400 for other types and values out of range. */
    public static Integer int32(JsonNode parent, String field, String path) {
        Long v = integer(parent, field, path);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrongType(path, "a 32-bit integer");
        }
        return v.intValue();
    }

    /** A number field (integer or decimal), null when absent or JSON null. */
    public static Double number(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw wrongType(path, "a number");
        }
        return n.doubleValue();
    }

    /** An object of string values (ARM tags), null when absent or JSON null. */
    public static java.util.Map<String, String> stringMap(JsonNode parent, String field, String path) {
        ObjectNode o = object(parent, field, path);
        if (o == null) {
            return null;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        var it = o.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw wrongType(path + "." + e.getKey(), "a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** The objects of an array field, each checked to be an object; empty when absent. */
    public static java.util.List<ObjectNode> objects(JsonNode parent, String field, String path) {
        JsonNode a = array(parent, field, path);
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isObject()) {
                throw wrongType(path + "[" + i + "]", "an object");
            }
            out.add((ObjectNode) a.get(i));
        }
        return out;
    }
}
