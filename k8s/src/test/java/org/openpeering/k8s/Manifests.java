package org.openpeering.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the k8s directory and parses its manifests strictly: one known object per file, no unknown field. */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");

    private Manifests() {
    }

    /** The module directory: surefire runs in it, an IDE may run in the repository root. */
    static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir, dir.resolve("k8s"))) {
                if (Files.isRegularFile(candidate.resolve("base").resolve(Kustomization.FILE_NAME))
                        && Files.isDirectory(candidate.resolve("overlays"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(
                "no k8s directory (base/kustomization.yaml and overlays/) in or above " + start);
    }

    /** Every manifest file below dir, at any depth, except the kustomization files. */
    static List<Path> filesBelow(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(file -> !file.getFileName().toString().equals(Kustomization.FILE_NAME))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest read(Path file) {
        try {
            return new Manifest(file, parse(Files.readString(file), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one YAML document into its fabric8 model. Fails, naming source, on several documents, on a kind
     * fabric8 does not know (it would come back as a GenericKubernetesResource) and on unknown fields.
     */
    static HasMetadata parse(String yaml, String source) {
        List<String> documents = Arrays.stream(DOCUMENT_SEPARATOR.split(yaml)).filter(Manifests::hasContent).toList();
        if (documents.size() != 1) {
            throw new AssertionError(source + ": holds " + documents.size() + " YAML documents, expected one object");
        }
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(documents.get(0));
        } catch (RuntimeException e) {
            throw new AssertionError(source + ": does not parse: " + e.getMessage(), e);
        }
        if (parsed instanceof GenericKubernetesResource generic) {
            throw new AssertionError(source + ": unknown kind " + generic.getKind() + " of apiVersion "
                    + generic.getApiVersion());
        }
        if (!(parsed instanceof HasMetadata object)) {
            throw new AssertionError(source + ": not a Kubernetes object but " + parsed);
        }
        List<String> unknown = UnknownFields.in(object);
        if (!unknown.isEmpty()) {
            throw new AssertionError(source + ": unknown fields " + unknown);
        }
        return object;
    }

    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }
}
