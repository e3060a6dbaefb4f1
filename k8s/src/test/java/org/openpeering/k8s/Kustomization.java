package org.openpeering.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A kustomization.yaml read as plain YAML. Kustomize has no fabric8 model, so its keys are checked against the
 * ones kustomize knows (a misspelled {@code patchs:} would otherwise be ignored by kubectl and by us).
 */
record Kustomization(Path directory, Map<String, Object> fields) {

    static final String FILE_NAME = "kustomization.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("apiVersion", "kind", "metadata", "namespace",
            "namePrefix", "nameSuffix", "labels", "commonLabels", "commonAnnotations", "resources", "components",
            "patches", "images", "replicas", "configMapGenerator", "secretGenerator", "generatorOptions",
            "transformers", "generators", "validators", "crds", "openapi", "buildMetadata", "sortOptions");
    private static final Set<String> PATCH_KEYS = Set.of("path", "patch", "target", "options");
    private static final Set<String> IMAGE_KEYS = Set.of("name", "newName", "newTag", "digest");
    private static final Set<String> LABEL_KEYS = Set.of("pairs", "includeSelectors", "includeTemplates", "fields");

    static Kustomization read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Map<String, Object> fields;
        try {
            fields = YAML.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Kustomization kustomization = new Kustomization(directory, fields == null ? Map.of() : fields);
        kustomization.checkKeys();
        return kustomization;
    }

    String namespace() {
        return (String) fields.get("namespace");
    }

    List<String> resources() {
        return strings("resources");
    }

    /** The files of the patches (inline patches have no file). */
    List<String> patchFiles() {
        return entries("patches").stream().map(patch -> (String) patch.get("path")).filter(p -> p != null).toList();
    }

    List<Map<String, Object>> images() {
        return entries("images");
    }

    List<Map<String, Object>> labels() {
        return entries("labels");
    }

    private void checkKeys() {
        unknown(fields.keySet(), TOP_LEVEL_KEYS, "");
        entries("patches").forEach(patch -> unknown(patch.keySet(), PATCH_KEYS, "patches[]."));
        entries("images").forEach(image -> unknown(image.keySet(), IMAGE_KEYS, "images[]."));
        entries("labels").forEach(label -> unknown(label.keySet(), LABEL_KEYS, "labels[]."));
    }

    private void unknown(Set<String> keys, Set<String> known, String prefix) {
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new AssertionError(directory.resolve(FILE_NAME) + ": unknown fields " + unknown.stream()
                    .map(key -> prefix + key).toList());
        }
    }

    private List<String> strings(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new AssertionError(directory.resolve(FILE_NAME) + ": " + key + " is not a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new AssertionError(directory.resolve(FILE_NAME) + ": " + key + " is not a list of mappings");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        list.forEach(entry -> result.add((Map<String, Object>) entry));
        return result;
    }
}
