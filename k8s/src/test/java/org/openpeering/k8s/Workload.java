package org.openpeering.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A Deployment or StatefulSet, seen through what both have: a selector and a pod template. */
record Workload(HasMetadata object, LabelSelector selector, PodTemplateSpec template) {

    static Optional<Workload> of(HasMetadata object) {
        if (object instanceof Deployment deployment && deployment.getSpec() != null) {
            return Optional.of(
                    new Workload(object, deployment.getSpec().getSelector(), deployment.getSpec().getTemplate()));
        }
        if (object instanceof StatefulSet statefulSet && statefulSet.getSpec() != null) {
            return Optional.of(
                    new Workload(object, statefulSet.getSpec().getSelector(), statefulSet.getSpec().getTemplate()));
        }
        return Optional.empty();
    }

    String kind() {
        return object.getKind();
    }

    String name() {
        return object.getMetadata().getName();
    }

    PodSpec pod() {
        return template.getSpec();
    }

    Map<String, String> podLabels() {
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    Container container(String name) {
        return pod().getContainers().stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(this + " has no container " + name));
    }

    /** The named ports of all containers: name to port number (the same name twice in a pod is an error). */
    Map<String, ContainerPort> namedPorts() {
        Map<String, ContainerPort> ports = new LinkedHashMap<>();
        for (Container container : pod().getContainers()) {
            for (ContainerPort port : container.getPorts()) {
                if (port.getName() != null && ports.put(port.getName(), port) != null) {
                    throw new AssertionError(this + " declares port name " + port.getName() + " twice");
                }
            }
        }
        return ports;
    }

    @Override
    public String toString() {
        return kind() + " " + name();
    }
}
