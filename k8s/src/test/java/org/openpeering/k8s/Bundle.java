package org.openpeering.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A set of parsed manifests (base, an overlay's own resources, or its patches) with typed look-ups. */
record Bundle(List<Manifest> manifests) {

    Bundle plus(Bundle other) {
        List<Manifest> all = new ArrayList<>(manifests);
        all.addAll(other.manifests);
        return new Bundle(all);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> kind.equals(m.kind()) && name.equals(m.name())).findFirst();
    }

    List<Workload> workloads() {
        return manifests.stream().map(Manifest::object).map(Workload::of).flatMap(Optional::stream).toList();
    }

    Workload workload(String name) {
        return workloads().stream().filter(w -> name.equals(w.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name));
    }
}
