package org.openpeering.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;

/** One manifest file and the object it holds (a whole object, or the partial one of a patch). */
record Manifest(Path file, HasMetadata object) {

    String kind() {
        return object.getKind();
    }

    String name() {
        return object.getMetadata() == null ? null : object.getMetadata().getName();
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + file.getFileName() + ")";
    }
}
