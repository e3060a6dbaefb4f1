package org.openpeering.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicies of one namespace the way the API defines them: a connection passes when the
 * source's egress and the destination's ingress both allow it; a pod that no policy of a direction selects is
 * open in that direction; rules are unions. Enough of the semantics for these manifests (no ipBlock ranges).
 */
final class Reachability {

    /** A pod (namespace, labels, named ports) or, with a null namespace, an address outside the cluster. */
    record Endpoint(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

        static Endpoint outsideTheCluster() {
            return new Endpoint(null, Map.of(), Map.of());
        }

        boolean isExternal() {
            return namespace == null;
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        int port(String name) {
            Integer port = namedPorts.get(name);
            if (port == null) {
                throw new AssertionError(this + " has no port named " + name);
            }
            return port;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    Reachability(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** A TCP connection to the destination's named port. */
    boolean allows(Endpoint from, Endpoint to, String portName) {
        return allows(from, to, to.port(portName), "TCP");
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (from.isExternal() || !namespace.equals(from.namespace())) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to)
                        && portsMatch(rule.getPorts(), to, port, protocol));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (to.isExternal() || !namespace.equals(to.namespace())) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from)
                        && portsMatch(rule.getPorts(), to, port, protocol));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        return policies.stream()
                .filter(policy -> types(policy).contains(direction))
                .filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    /** policyTypes, defaulted as the API server does: Ingress always, Egress when there are egress rules. */
    static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return other.isExternal();
            }
            if (other.isExternal()) {
                return false;
            }
            LabelSelector namespaces = peer.getNamespaceSelector();
            boolean namespaceMatches = namespaces == null
                    ? namespace.equals(other.namespace())
                    : Selectors.matches(namespaces, other.namespaceLabels());
            LabelSelector pods = peer.getPodSelector();
            return namespaceMatches && (pods == null || Selectors.matches(pods, other.labels()));
        });
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(rule -> {
            String ruleProtocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                return false;
            }
            IntOrString rulePort = rule.getPort();
            if (rulePort == null) {
                return true;
            }
            if (rulePort.getStrVal() != null) {
                return Integer.valueOf(port).equals(to.namedPorts().get(rulePort.getStrVal()));
            }
            int first = rulePort.getIntVal();
            int last = rule.getEndPort() == null ? first : rule.getEndPort();
            return first <= port && port <= last;
        });
    }
}
