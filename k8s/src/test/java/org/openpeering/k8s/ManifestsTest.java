package org.openpeering.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the kustomize base and overlays under k8s/: each file parses strictly into its fabric8 model, the
 * kustomizations list exactly the files there are, and the manifests keep the rules of ARCHITECTURE.md
 * ("Ports", "Deployment") and STYLE.md ("Manifests"). Runs without a cluster.
 */
class ManifestsTest {

    private static final String NAMESPACE = "openpeering";
    private static final String PLACEHOLDER = "REPLACE_ME";
    private static final String IMAGE_REGISTRY = "ghcr.io/openpeering/";
    private static final String VERSION = "0.1.0";
    private static final String NAME_LABEL = "app.kubernetes.io/name";

    private static final List<String> SERVICES =
            List.of("gateway", "partner-service", "prefix-service", "telemetry-service");
    private static final Set<String> AUTOSCALED = Set.of("gateway", "partner-service", "prefix-service");
    private static final Map<String, String> DATABASES =
            Map.of("partner-service", "partner", "prefix-service", "prefix", "telemetry-service", "telemetry");
    private static final Map<String, Map<String, Integer>> PORTS = Map.of(
            "gateway", Map.of("http", 8080, "https", 8443),
            "partner-service", Map.of("http", 8081),
            "prefix-service", Map.of("http", 8082),
            "telemetry-service", Map.of("http", 8083, "bmp", 11019, "bgp", 1179));
    /** Who calls whom (gRPC on the http port); the NetworkPolicies must allow exactly these calls. */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "gateway", Set.of("partner-service", "prefix-service", "telemetry-service"),
            "partner-service", Set.of("prefix-service"),
            "prefix-service", Set.of("partner-service", "telemetry-service"),
            "telemetry-service", Set.of("partner-service", "prefix-service"));
    private static final List<String> OVERLAYS = List.of("dev", "prod", "jvm");
    private static final Pattern RESOURCE_FILE_NAME = Pattern.compile("(\\d{3})-([A-Za-z]+)-([a-z0-9.-]+)\\.yaml");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private static Path k8s;
    private static Kustomization baseKustomization;
    private static Bundle base;
    private static final Map<String, Kustomization> overlayKustomizations = new LinkedHashMap<>();
    /** Per overlay: the objects it adds (its own resources), and its patches (partial objects). */
    private static final Map<String, Bundle> overlayResources = new LinkedHashMap<>();
    private static final Map<String, Bundle> overlayPatches = new LinkedHashMap<>();

    /** Reads everything once; a file that does not parse strictly fails every test, all such files named at once. */
    @BeforeAll
    static void readManifests() {
        k8s = Manifests.directory();
        List<String> problems = new ArrayList<>();
        baseKustomization = Kustomization.read(k8s.resolve("base"));
        base = readAll(Manifests.filesBelow(k8s.resolve("base")), problems);
        for (Path dir : overlayDirectories()) {
            String name = dir.getFileName().toString();
            Kustomization kustomization = Kustomization.read(dir);
            overlayKustomizations.put(name, kustomization);
            overlayResources.put(name, readAll(existingFiles(dir, kustomization.resources()), problems));
            overlayPatches.put(name, readAll(existingFiles(dir, kustomization.patchFiles()), problems));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    // ---- parsing ------------------------------------------------------------------------------------------------

    @Test
    void everyManifestIsOneKnownObjectWithoutUnknownFields() {
        List<Path> files = new ArrayList<>(Manifests.filesBelow(k8s.resolve("base")));
        files.addAll(Manifests.filesBelow(k8s.resolve("overlays")));
        List<String> problems = new ArrayList<>();
        readAll(files, problems);
        assertEquals(List.of(), problems);
        assertTrue(files.size() > 40, "expected the whole base and three overlays, found " + files.size() + " files");
    }

    @Test
    void unknownFieldsAreReportedWithFileAndPath() {
        String misspelled = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: example
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: example
                    spec:
                      containers:
                        - name: example
                          image: example.org/example:1
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: http
                          securityContext:
                            readOnlyRootFileSystem: true
                """;

        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.parse(misspelled, "inline.yaml"));

        assertTrue(error.getMessage().startsWith("inline.yaml: unknown fields"), error.getMessage());
        assertTrue(error.getMessage().contains("spec.template.spec.containers[0].readinesProbe"), error.getMessage());
        assertTrue(error.getMessage().contains(
                "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"), error.getMessage());
        String corrected = misspelled.replace("readinesProbe", "readinessProbe")
                .replace("readOnlyRootFileSystem", "readOnlyRootFilesystem");
        assertInstanceOf(Deployment.class, Manifests.parse(corrected, "corrected.yaml"));
    }

    @Test
    void unknownKindsAndSeveralObjectsInOneFileAreRejected() {
        String unknownKind = """
                apiVersion: example.org/v1
                kind: Widget
                metadata:
                  name: example
                """;
        String misspelledKind = """
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: example
                """;
        String twoObjects = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: one
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: two
                """;

        AssertionError widget = assertThrows(AssertionError.class, () -> Manifests.parse(unknownKind, "widget.yaml"));
        AssertionError typo = assertThrows(AssertionError.class, () -> Manifests.parse(misspelledKind, "typo.yaml"));
        AssertionError two = assertThrows(AssertionError.class, () -> Manifests.parse(twoObjects, "two.yaml"));

        assertTrue(widget.getMessage().startsWith("widget.yaml: unknown kind Widget"), widget.getMessage());
        assertTrue(typo.getMessage().startsWith("typo.yaml: unknown kind Deploymnet"), typo.getMessage());
        assertTrue(two.getMessage().startsWith("two.yaml: holds 2 YAML documents"), two.getMessage());
    }

    // ---- layout and kustomizations ------------------------------------------------------------------------------

    @Test
    void fileNamesGiveApplyOrderKindAndName() {
        List<Manifest> resources = new ArrayList<>(base.manifests());
        overlayResources.values().forEach(bundle -> resources.addAll(bundle.manifests()));
        for (Manifest manifest : resources) {
            String expected = "NNN-" + manifest.kind() + "-" + manifest.name() + ".yaml";
            Matcher name = RESOURCE_FILE_NAME.matcher(manifest.file().getFileName().toString());
            assertTrue(name.matches() && name.group(2).equals(manifest.kind()) && name.group(3).equals(manifest.name()),
                    manifest.file() + " should be named " + expected);
        }
        overlayPatches.values().forEach(bundle -> bundle.manifests().forEach(patch -> assertEquals(
                "patch-" + patch.kind() + "-" + patch.name() + ".yaml", patch.file().getFileName().toString(),
                "patch file name of " + patch)));

        // Apply order: the namespace first, then what workloads refer to, then the workloads, then the rest.
        Map<String, Integer> order = new TreeMap<>();
        for (Manifest manifest : base.manifests()) {
            Matcher name = RESOURCE_FILE_NAME.matcher(manifest.file().getFileName().toString());
            assertTrue(name.matches());
            Integer previous = order.put(manifest.kind(), Integer.parseInt(name.group(1)));
            assertTrue(previous == null || previous == Integer.parseInt(name.group(1)),
                    "all " + manifest.kind() + " files of base share one number");
        }
        assertEquals(0, order.get("Namespace"));
        for (String referenced : List.of("ServiceAccount", "ConfigMap", "Secret", "Service")) {
            assertTrue(order.get("Namespace") < order.get(referenced), referenced + " after the Namespace");
            assertTrue(order.get(referenced) < order.get("Deployment"), referenced + " before the workloads");
            assertTrue(order.get(referenced) < order.get("StatefulSet"), referenced + " before the workloads");
        }
    }

    @Test
    void baseKustomizationListsEveryBaseFileAndSetsNamespaceAndPartOfLabel() {
        List<String> listed = baseKustomization.resources();
        Set<String> present = new TreeSet<>();
        base.manifests().forEach(manifest -> present.add(k8s.resolve("base").relativize(manifest.file()).toString()));

        assertEquals(present, new TreeSet<>(listed), "base/kustomization.yaml resources versus the files in base/");
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a resource listed twice");
        assertEquals(NAMESPACE, baseKustomization.namespace());
        assertTrue(addsPartOfLabel(baseKustomization), "base adds app.kubernetes.io/part-of: openpeering");
        assertEquals(List.of(), baseKustomization.patchFiles(), "base has no patches");
    }

    @Test
    void overlaysBuildOnBaseAndListEveryFileTheyHold() {
        assertTrue(overlayKustomizations.keySet().containsAll(OVERLAYS), "overlays " + OVERLAYS);
        for (Map.Entry<String, Kustomization> overlay : overlayKustomizations.entrySet()) {
            Kustomization kustomization = overlay.getValue();
            Path dir = kustomization.directory();
            assertTrue(kustomization.resources().contains("../../base"), overlay.getKey() + " builds on ../../base");
            assertEquals(NAMESPACE, kustomization.namespace(), overlay.getKey() + " namespace");

            Set<String> listedFiles = new TreeSet<>();
            for (String resource : kustomization.resources()) {
                Path target = dir.resolve(resource).normalize();
                if (Files.isDirectory(target)) {
                    assertTrue(Files.isRegularFile(target.resolve(Kustomization.FILE_NAME)),
                            overlay.getKey() + ": " + resource + " is no kustomization");
                } else {
                    assertTrue(Files.isRegularFile(target),
                            overlay.getKey() + ": listed resource " + resource + " is missing");
                    listedFiles.add(resource);
                }
            }
            for (String patch : kustomization.patchFiles()) {
                assertTrue(Files.isRegularFile(dir.resolve(patch)),
                        overlay.getKey() + ": listed patch " + patch + " is missing");
                assertTrue(listedFiles.add(patch), overlay.getKey() + ": " + patch + " listed twice");
            }
            Set<String> present = new TreeSet<>();
            Manifests.filesBelow(dir).forEach(file -> present.add(dir.relativize(file).toString()));
            assertEquals(present, listedFiles,
                    overlay.getKey() + ": files in the overlay versus those its kustomization lists");
        }
    }

    @Test
    void everyPatchTargetsAnObjectOfWhatItsOverlayBuildsOn() {
        for (String overlay : overlayPatches.keySet()) {
            Bundle available = base.plus(overlayResources.get(overlay));
            for (Manifest patch : overlayPatches.get(overlay).manifests()) {
                Manifest target = available.find(patch.kind(), patch.name())
                        .orElseThrow(() -> new AssertionError(overlay + ": " + patch + " patches nothing"));
                assertEquals(target.object().getApiVersion(), patch.object().getApiVersion(), overlay + ": " + patch);
                Workload.of(patch.object()).ifPresent(partial -> partial.pod().getContainers().forEach(container ->
                        Workload.of(target.object()).orElseThrow().container(container.getName())));
            }
        }
    }

    // ---- workloads ----------------------------------------------------------------------------------------------

    @Test
    void gatewayPartnerAndPrefixAreDeploymentsAndTelemetryIsAStatefulSetWithAHeadlessService() {
        assertEquals(new TreeSet<>(SERVICES), names(base.workloads().stream().map(Workload::name)),
                "the workloads of base");
        for (String service : AUTOSCALED) {
            assertInstanceOf(Deployment.class, base.workload(service).object(), service);
        }
        StatefulSet telemetry = base.get(StatefulSet.class, "telemetry-service");
        assertNotNull(telemetry.getSpec().getReplicas(), "a StatefulSet without an autoscaler states its replicas");

        Service governing = base.get(Service.class, telemetry.getSpec().getServiceName());
        assertEquals("None", governing.getSpec().getClusterIP(), "the StatefulSet's serviceName is a headless Service");
        assertTrue(Selectors.matches(governing.getSpec().getSelector(),
                base.workload("telemetry-service").podLabels()));
    }

    @Test
    void servicesRunTheVersionedNativeImages() {
        for (String service : SERVICES) {
            List<Container> containers = base.workload(service).pod().getContainers();
            assertEquals(1, containers.size(), service);
            assertEquals(service, containers.get(0).getName());
            assertEquals(IMAGE_REGISTRY + service + ":" + VERSION, containers.get(0).getImage());
        }
    }

    @Test
    void everyContainerHasCpuAndMemoryRequestsAndLimits() {
        for (Workload workload : allWorkloads()) {
            for (Container container : containers(workload.pod())) {
                ResourceRequirements resources = container.getResources();
                String where = workload + " container " + container.getName();
                assertNotNull(resources, where);
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits().get(resource);
                    assertNotNull(request, where + " requests " + resource);
                    assertNotNull(limit, where + " limits " + resource);
                    assertTrue(request.getNumericalAmount().signum() > 0, where + " " + resource + " request > 0");
                    assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                            where + " " + resource + " request " + request + " <= limit " + limit);
                }
            }
        }
    }

    @Test
    void everyServiceExposesItsDocumentedNamedPorts() {
        for (String service : SERVICES) {
            Map<String, Integer> ports = new TreeMap<>();
            base.workload(service).namedPorts().forEach((name, port) -> {
                assertEquals("TCP", port.getProtocol(), service + " port " + name);
                ports.put(name, port.getContainerPort());
            });
            assertEquals(new TreeMap<>(PORTS.get(service)), ports, service + " named ports");
        }
    }

    @Test
    void everyServiceProbesItsHealthEndpointsOnTheHttpPort() {
        for (String service : SERVICES) {
            Container container = base.workload(service).container(service);
            assertProbe(service + " startup", container.getStartupProbe(), "/q/health/started");
            assertProbe(service + " liveness", container.getLivenessProbe(), "/q/health/live");
            assertProbe(service + " readiness", container.getReadinessProbe(), "/q/health/ready");
        }
    }

    @Test
    void everyWorkloadRunsNonRootWithReadOnlyRootFilesystem() {
        for (Workload workload : allWorkloads()) {
            PodSpec pod = workload.pod();
            PodSecurityContext podContext = pod.getSecurityContext();
            assertNotNull(podContext, workload + " pod securityContext");
            assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), workload + " runAsNonRoot");
            assertNonRootId(workload + " runAsUser", podContext.getRunAsUser());
            assertNonRootId(workload + " runAsGroup", podContext.getRunAsGroup());
            assertNonRootId(workload + " fsGroup", podContext.getFsGroup());
            assertNotNull(podContext.getSeccompProfile(), workload + " seccompProfile");
            assertEquals("RuntimeDefault", podContext.getSeccompProfile().getType(), workload + " seccompProfile");
            assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC()), workload + " shares no host namespace");

            for (Container container : containers(pod)) {
                String where = workload + " container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertNotNull(context, where + " securityContext");
                assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem(), where + " readOnlyRootFilesystem");
                assertFalse(Boolean.TRUE.equals(context.getPrivileged()), where + " privileged");
                assertNotNull(context.getCapabilities(), where + " capabilities");
                assertEquals(List.of("ALL"), context.getCapabilities().getDrop(), where + " capabilities.drop");
                assertTrue(context.getCapabilities().getAdd().isEmpty(), where + " adds no capability");
                if (context.getRunAsUser() != null) {
                    assertNonRootId(where + " runAsUser", context.getRunAsUser());
                }
            }
        }
    }

    @Test
    void everyWorkloadMountsASizeLimitedEmptyDirAtTmp() {
        for (Workload workload : allWorkloads()) {
            for (Container container : containers(workload.pod())) {
                String where = workload + " container " + container.getName();
                VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()))
                        .findFirst().orElseThrow(() -> new AssertionError(where + " mounts nothing at /tmp"));
                Volume volume = workload.pod().getVolumes().stream().filter(v -> v.getName().equals(tmp.getName()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(where + " mounts a missing volume " + tmp.getName()));
                assertNotNull(volume.getEmptyDir(), where + ": /tmp is an emptyDir");
                assertNotNull(volume.getEmptyDir().getSizeLimit(), where + ": the /tmp emptyDir has a sizeLimit");
                assertTrue(volume.getEmptyDir().getSizeLimit().getNumericalAmount().signum() > 0, where + " sizeLimit");
            }
        }
    }

    @Test
    void everyServiceRunsUnderItsOwnServiceAccountWithoutAToken() {
        for (String service : SERVICES) {
            PodSpec pod = base.workload(service).pod();
            assertEquals(service, pod.getServiceAccountName(), service + " serviceAccountName");
            ServiceAccount account = base.get(ServiceAccount.class, service);
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), "ServiceAccount " + service);
        }
        for (Workload workload : allWorkloads()) {
            assertEquals(Boolean.FALSE, workload.pod().getAutomountServiceAccountToken(),
                    workload + " mounts no token");
            // Service links would put variables such as PARTNER_SERVICE_PORT=tcp://10.0.0.7:8081 into the pods.
            assertEquals(Boolean.FALSE, workload.pod().getEnableServiceLinks(), workload + " enableServiceLinks");
        }
    }

    // ---- Services, autoscaling, disruption budgets, ingress -----------------------------------------------------

    @Test
    void everyServiceSelectsOneWorkloadAndTargetsItsNamedPorts() {
        for (Bundle bundle : buildableBundles()) {
            for (Service service : bundle.all(Service.class)) {
                String where = "Service " + service.getMetadata().getName();
                List<Workload> selected = bundle.workloads().stream()
                        .filter(w -> Selectors.matches(service.getSpec().getSelector(), w.podLabels())).toList();
                assertEquals(1, selected.size(), where + " selects exactly one workload, selects " + selected);
                Map<String, ContainerPort> containerPorts = selected.get(0).namedPorts();
                for (ServicePort port : service.getSpec().getPorts()) {
                    assertNotNull(port.getName(), where + " names its ports");
                    IntOrString target = port.getTargetPort();
                    assertNotNull(target, where + " port " + port.getName() + " has a targetPort");
                    assertNotNull(target.getStrVal(), where + " port " + port.getName() + " targets a port by name");
                    ContainerPort containerPort = containerPorts.get(target.getStrVal());
                    assertNotNull(containerPort,
                            where + " targets port " + target.getStrVal() + " of " + selected.get(0));
                    assertEquals(Objects.requireNonNullElse(port.getProtocol(), "TCP"),
                            Objects.requireNonNullElse(containerPort.getProtocol(), "TCP"), where + " protocol");
                }
            }
        }
        for (String name : SERVICES) {
            Service service = base.get(Service.class, name);
            Map<String, Integer> ports = new TreeMap<>();
            service.getSpec().getPorts().forEach(port -> ports.put(port.getName(), port.getPort()));
            Map<String, Integer> expected = new TreeMap<>(PORTS.get(name));
            expected.keySet().removeAll(Set.of("bmp", "bgp"));
            assertEquals(expected, ports, "Service " + name + " maps the ports to the same numbers");
            assertEquals("ClusterIP", service.getSpec().getType(), "Service " + name);
        }
    }

    @Test
    void telemetryCollectorIsALoadBalancerForBmpAndBgp() {
        Service collector = base.get(Service.class, "telemetry-collector");
        assertEquals("LoadBalancer", collector.getSpec().getType());
        assertTrue(Selectors.matches(collector.getSpec().getSelector(),
                base.workload("telemetry-service").podLabels()));
        Map<String, String> ports = new TreeMap<>();
        collector.getSpec().getPorts().forEach(port -> ports.put(port.getName(),
                port.getPort() + "->" + port.getTargetPort().getStrVal()));
        assertEquals(Map.of("bmp", "11019->bmp", "bgp", "179->bgp"), ports, "only BMP and BGP are exposed");
        assertEquals("Local", collector.getSpec().getExternalTrafficPolicy(),
                "routers are told apart by their source address, which the LoadBalancer must keep");
    }

    @Test
    void autoscalersScaleOnlyGatewayPartnerAndPrefixOnCpu() {
        List<HorizontalPodAutoscaler> autoscalers = base.all(HorizontalPodAutoscaler.class);
        assertEquals(new TreeSet<>(AUTOSCALED),
                names(autoscalers.stream().map(hpa -> hpa.getSpec().getScaleTargetRef().getName())));
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            String target = autoscaler.getSpec().getScaleTargetRef().getName();
            assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind(), "HPA " + target);
            assertEquals("apps/v1", autoscaler.getSpec().getScaleTargetRef().getApiVersion(), "HPA " + target);
            Deployment deployment = base.get(Deployment.class, target);
            assertNull(deployment.getSpec().getReplicas(),
                    target + ": the autoscaler owns the replica count; a fixed one would reset it on every apply");
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "HPA " + target + " keeps two replicas");
            assertTrue(autoscaler.getSpec().getMaxReplicas() >= autoscaler.getSpec().getMinReplicas(), "HPA " + target);
            MetricSpec cpu = autoscaler.getSpec().getMetrics().stream()
                    .filter(m -> "Resource".equals(m.getType()) && "cpu".equals(m.getResource().getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("HPA " + target + " scales on CPU"));
            assertEquals("Utilization", cpu.getResource().getTarget().getType(), "HPA " + target);
            int utilization = cpu.getResource().getTarget().getAverageUtilization();
            assertTrue(utilization > 0 && utilization <= 100, "HPA " + target + " utilization " + utilization);
        }
    }

    @Test
    void disruptionBudgetsCoverEveryWorkload() {
        List<PodDisruptionBudget> budgets = base.all(PodDisruptionBudget.class);
        for (Workload workload : base.workloads()) {
            List<PodDisruptionBudget> covering = budgets.stream()
                    .filter(pdb -> Selectors.matches(pdb.getSpec().getSelector(), workload.podLabels())).toList();
            assertEquals(1, covering.size(), workload + " is covered by one PodDisruptionBudget");
        }
        for (PodDisruptionBudget budget : budgets) {
            String name = budget.getMetadata().getName();
            List<Workload> selected = base.workloads().stream()
                    .filter(w -> Selectors.matches(budget.getSpec().getSelector(), w.podLabels())).toList();
            assertEquals(1, selected.size(), "PodDisruptionBudget " + name + " selects one workload");
            assertTrue(budget.getSpec().getMinAvailable() == null ^ budget.getSpec().getMaxUnavailable() == null,
                    "PodDisruptionBudget " + name + " sets minAvailable or maxUnavailable");
            if (selected.get(0).object() instanceof StatefulSet statefulSet
                    && budget.getSpec().getMinAvailable() != null) {
                assertTrue(budget.getSpec().getMinAvailable().getIntVal() < statefulSet.getSpec().getReplicas(),
                        "PodDisruptionBudget " + name + " would block every node drain");
            }
        }
    }

    @Test
    void ingressRoutesTheGatewayHostOverTlsToTheGatewayHttpPort() {
        List<Ingress> ingresses = base.all(Ingress.class);
        assertEquals(1, ingresses.size(), "one Ingress, for the gateway");
        Ingress ingress = ingresses.get(0);
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals(1, ingress.getSpec().getTls().size());
        IngressTLS tls = ingress.getSpec().getTls().get(0);
        assertEquals("gateway-tls", tls.getSecretName());
        assertFalse(ingress.getSpec().getRules().isEmpty());
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertTrue(tls.getHosts().contains(rule.getHost()), "host " + rule.getHost() + " is served over TLS");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressServiceBackend backend = path.getBackend().getService();
                assertEquals("gateway", backend.getName());
                Service gateway = base.get(Service.class, backend.getName());
                String port = backend.getPort().getName();
                assertEquals("http", port, "the Ingress names the gateway's port");
                assertTrue(gateway.getSpec().getPorts().stream().anyMatch(p -> port.equals(p.getName())),
                        "Service gateway has port " + port);
            }
        }
    }

    // ---- configuration ------------------------------------------------------------------------------------------

    @Test
    void envFromReferencesTheServicesConfigMapAndCredentialsSecret() {
        for (Bundle bundle : buildableBundles()) {
            for (Workload workload : bundle.workloads()) {
                for (Container container : containers(workload.pod())) {
                    for (EnvFromSource source : container.getEnvFrom()) {
                        if (source.getConfigMapRef() != null) {
                            bundle.get(ConfigMap.class, source.getConfigMapRef().getName());
                            assertFalse(Boolean.TRUE.equals(source.getConfigMapRef().getOptional()),
                                    workload + " envFrom is not optional");
                        }
                        if (source.getSecretRef() != null) {
                            bundle.get(Secret.class, source.getSecretRef().getName());
                            assertFalse(Boolean.TRUE.equals(source.getSecretRef().getOptional()),
                                    workload + " envFrom is not optional");
                        }
                    }
                }
            }
        }
        for (String service : SERVICES) {
            List<EnvFromSource> sources = base.workload(service).container(service).getEnvFrom();
            assertTrue(sources.stream().anyMatch(s -> s.getConfigMapRef() != null
                    && (service + "-config").equals(s.getConfigMapRef().getName())),
                    service + " reads " + service + "-config");
            assertTrue(sources.stream().anyMatch(s -> s.getSecretRef() != null
                    && (service + "-config-creds").equals(s.getSecretRef().getName())),
                    service + " reads " + service + "-config-creds");
        }
    }

    @Test
    void configMapsHoldTheSettingsEachServiceReads() {
        for (String service : SERVICES) {
            Map<String, String> data = base.get(ConfigMap.class, service + "-config").getData();
            data.keySet().forEach(key -> {
                assertTrue(ENV_NAME.matcher(key).matches(),
                        service + "-config key " + key + " is an environment variable");
                assertFalse(key.matches(".*(PASSWORD|TOKEN|SECRET|_KEY).*"), service + "-config key " + key
                        + " looks like a credential: it belongs in " + service + "-config-creds");
            });
            assertEquals(String.valueOf(PORTS.get(service).get("http")), data.get("QUARKUS_HTTP_PORT"), service);
            assertEquals("INFO", data.get("QUARKUS_LOG_LEVEL"), service);
            assertEquals("8075", data.get("PEERING_OPERATOR_ASN"), service);
            assertEquals("false", data.get("PEERING_ALLOW_DOCUMENTATION_RESOURCES"), service);
            String database = DATABASES.get(service);
            if (database == null) {
                assertFalse(data.containsKey("DB_URL"), service + " owns no database");
            } else {
                assertTrue(data.getOrDefault("DB_URL", "").matches("postgresql://[a-z0-9.-]+:\\d+/" + database),
                        service + " DB_URL in reactive form for database " + database + ": " + data.get("DB_URL"));
            }
            for (String callee : CALLS.get(service)) {
                String prefix = callee.toUpperCase().replace('-', '_');
                assertEquals(callee, data.get(prefix + "_HOST"), service + " " + prefix + "_HOST");
                assertEquals(String.valueOf(PORTS.get(callee).get("http")), data.get(prefix + "_PORT"),
                        service + " " + prefix + "_PORT");
            }
        }
    }

    @Test
    void theGatewayKnowsItsTokenIssuerAndMayFetchItsKeys() {
        Map<String, String> data = base.get(ConfigMap.class, "gateway-config").getData();
        assertTrue(data.getOrDefault("AUTH_ISSUER", "").startsWith("https://"), "AUTH_ISSUER");
        assertTrue(data.getOrDefault("AUTH_JWKS_URL", "").startsWith("https://"), "AUTH_JWKS_URL");
        assertTrue(data.containsKey("AUTH_AUDIENCE"), "AUTH_AUDIENCE");
        NetworkPolicy gateway = base.get(NetworkPolicy.class, "gateway");
        assertTrue(gateway.getSpec().getEgress().stream().anyMatch(rule -> rule.getPorts() != null
                && rule.getPorts().stream().anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null
                        && p.getPort().getIntVal() == 443)),
                "the gateway may reach the identity provider's JWKS over HTTPS");
    }

    @Test
    void serviceAddressSettingsNameServicesThatNetworkPoliciesLetThemReach() {
        Reachability network = new Reachability(NAMESPACE, base.all(NetworkPolicy.class));
        for (String service : SERVICES) {
            Map<String, String> data = base.get(ConfigMap.class, service + "-config").getData();
            for (String key : data.keySet()) {
                if (!key.endsWith("_SERVICE_HOST")) {
                    continue;
                }
                String host = data.get(key);
                Service callee = base.get(Service.class, host);
                String port = data.get(key.replace("_HOST", "_PORT"));
                ServicePort http = callee.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError("Service " + host + " has no http port"));
                assertEquals(String.valueOf(http.getPort()), port, service + " " + key.replace("_HOST", "_PORT"));
                Workload target = base.workloads().stream()
                        .filter(w -> Selectors.matches(callee.getSpec().getSelector(), w.podLabels()))
                        .findFirst().orElseThrow();
                assertTrue(network.allows(endpoint(base.workload(service)), endpoint(target), "http"),
                        service + " is configured to call " + host + " but the NetworkPolicies block it");
            }
        }
    }

    @Test
    void secretsInGitAreTemplatesOnly() {
        List<Secret> secrets = new ArrayList<>(base.all(Secret.class));
        overlayResources.values().forEach(bundle -> secrets.addAll(bundle.all(Secret.class)));
        overlayPatches.values().forEach(bundle -> secrets.addAll(bundle.all(Secret.class)));
        assertFalse(secrets.isEmpty());
        for (Secret secret : secrets) {
            String name = "Secret " + secret.getMetadata().getName();
            assertEquals("Opaque", secret.getType(), name);
            assertTrue(secret.getData() == null || secret.getData().isEmpty(), name + " holds no base64 data");
            assertFalse(secret.getStringData() == null || secret.getStringData().isEmpty(), name + " lists its keys");
            secret.getStringData().forEach((key, value) -> assertEquals(PLACEHOLDER, value, name + " " + key));
        }
    }

    @Test
    void webhookDeliveriesCannotReachPrivateAddresses() {
        NetworkPolicy policy = base.get(NetworkPolicy.class, "prefix-service");
        var https = policy.getSpec().getEgress().stream().filter(rule -> rule.getPorts() != null && rule.getPorts()
                .stream().anyMatch(p -> p.getPort() != null && Integer.valueOf(443).equals(p.getPort().getIntVal())))
                .toList();
        assertEquals(1, https.size(), "one HTTPS egress rule");
        Set<String> excepted = new TreeSet<>();
        https.get(0).getTo().forEach(peer -> {
            assertTrue(peer.getIpBlock() != null, "HTTPS egress names address blocks, not pods");
            excepted.addAll(peer.getIpBlock().getExcept());
        });
        for (String block : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10",
                "127.0.0.0/8", "fc00::/7", "fe80::/10")) {
            assertTrue(excepted.contains(block), "webhooks never reach " + block);
        }
    }

    @Test
    void credentialSecretsHoldTheDocumentedKeys() {
        for (String service : SERVICES) {
            Set<String> expected = new TreeSet<>(Set.of("SERVICE_TOKEN"));
            if (DATABASES.containsKey(service)) {
                expected.addAll(Set.of("DB_USER", "DB_PASSWORD"));
            }
            if (service.equals("partner-service") || service.equals("prefix-service")) {
                expected.add("SECRETS_KEY_RING");
            }
            Secret secret = base.get(Secret.class, service + "-config-creds");
            assertEquals(expected, new TreeSet<>(secret.getStringData().keySet()), service + "-config-creds");
        }
    }

    // ---- network policies ---------------------------------------------------------------------------------------

    @Test
    void networkPoliciesDenyEverythingByDefaultAndAllowDns() {
        List<NetworkPolicy> policies = base.all(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(policy -> Selectors.isEmpty(policy.getSpec().getPodSelector())
                        && Set.copyOf(Reachability.types(policy)).equals(Set.of("Ingress", "Egress"))
                        && policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty()),
                "a NetworkPolicy with an empty podSelector denies all ingress and egress");

        Reachability network = new Reachability(NAMESPACE, policies);
        Reachability.Endpoint dns = new Reachability.Endpoint("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
        for (Workload workload : base.workloads()) {
            assertTrue(network.allows(endpoint(workload), dns, 53, "UDP"), workload + " resolves names over UDP");
            assertTrue(network.allows(endpoint(workload), dns, 53, "TCP"), workload + " resolves names over TCP");
        }
        Reachability.Endpoint unknownPod =
                new Reachability.Endpoint(NAMESPACE, Map.of("app", "other"), Map.of("http", 8080));
        assertFalse(network.allows(unknownPod, Reachability.Endpoint.outsideTheCluster(), 443, "TCP"),
                "default deny: an unlisted pod reaches nothing but DNS");
        assertFalse(network.allows(Reachability.Endpoint.outsideTheCluster(), unknownPod, "http"),
                "default deny: nothing reaches an unlisted pod");
    }

    @Test
    void networkPoliciesAllowExactlyTheDocumentedCallsBetweenServices() {
        Reachability network = new Reachability(NAMESPACE, base.all(NetworkPolicy.class));
        for (String caller : SERVICES) {
            for (String callee : SERVICES) {
                if (caller.equals(callee)) {
                    continue;
                }
                boolean documented = CALLS.get(caller).contains(callee);
                boolean allowed =
                        network.allows(endpoint(base.workload(caller)), endpoint(base.workload(callee)), "http");
                assertEquals(documented, allowed,
                        caller + " -> " + callee + " on http should be " + (documented ? "allowed" : "denied"));
            }
        }
    }

    @Test
    void networkPoliciesAdmitClientsRoutersPrometheusAndTheWayToPostgres() {
        Reachability network = new Reachability(NAMESPACE, base.all(NetworkPolicy.class));
        Reachability.Endpoint anywhere = Reachability.Endpoint.outsideTheCluster();
        Reachability.Endpoint prometheus = new Reachability.Endpoint("monitoring",
                Map.of(NAME_LABEL, "prometheus"), Map.of());
        Reachability.Endpoint otherNamespace = new Reachability.Endpoint("default", Map.of("app", "curl"), Map.of());
        Reachability.Endpoint gateway = endpoint(base.workload("gateway"));
        Reachability.Endpoint telemetry = endpoint(base.workload("telemetry-service"));

        assertTrue(network.allows(anywhere, gateway, "http"), "clients (and the ingress controller) -> gateway http");
        assertTrue(network.allows(anywhere, gateway, "https"), "clients -> gateway https");
        assertTrue(network.allows(anywhere, telemetry, "bmp"), "routers -> telemetry BMP");
        assertTrue(network.allows(anywhere, telemetry, "bgp"), "routers -> telemetry BGP");
        assertFalse(network.allows(anywhere, telemetry, "http"), "telemetry's API is internal");
        for (String service : SERVICES) {
            Reachability.Endpoint pod = endpoint(base.workload(service));
            assertTrue(network.allows(prometheus, pod, "http"), "Prometheus scrapes " + service);
            assertEquals(DATABASES.containsKey(service), network.allows(pod, anywhere, 5432, "TCP"),
                    service + " -> PostgreSQL on 5432 exactly when it owns a database");
            // HTTPS to the outside: the gateway (its identity provider's signing keys, AUTH_JWKS_URL) and
            // prefix-service (webhook deliveries)
            assertEquals(service.equals("gateway") || service.equals("prefix-service"),
                    network.allows(pod, anywhere, 443, "TCP"),
                    service + " egress on 443");
            if (!service.equals("gateway")) {
                assertFalse(network.allows(anywhere, pod, "http"), service + " is not reachable from outside");
                assertFalse(network.allows(otherNamespace, pod, "http"),
                        service + " is not reachable from other namespaces");
            }
        }
    }

    // ---- overlays -----------------------------------------------------------------------------------------------

    @Test
    void jvmOverlaySwitchesAllFourServicesToTheirJvmImagesWithMoreMemory() {
        Kustomization jvm = overlayKustomizations.get("jvm");
        Bundle patches = overlayPatches.get("jvm");
        for (String service : SERVICES) {
            Container nativeContainer = base.workload(service).container(service);
            String image = patches.workloads().stream().filter(w -> w.name().equals(service))
                    .flatMap(w -> w.pod().getContainers().stream()).filter(c -> service.equals(c.getName()))
                    .map(Container::getImage).filter(Objects::nonNull).findFirst()
                    .orElseGet(() -> transformImage(nativeContainer.getImage(), jvm.images()));
            assertEquals(IMAGE_REGISTRY + service + "-jvm:" + VERSION, image, "jvm overlay image of " + service);

            Workload patch = patches.workloads().stream().filter(w -> w.name().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("the jvm overlay sizes the memory of " + service));
            Quantity jvmLimit = patch.container(service).getResources().getLimits().get("memory");
            Quantity nativeLimit = nativeContainer.getResources().getLimits().get("memory");
            assertTrue(jvmLimit.getNumericalAmount().compareTo(nativeLimit.getNumericalAmount()) >= 0,
                    service + ": a JVM gets at least the native image's memory");
        }
    }

    @Test
    void devOverlayAddsASingleInstancePostgresStatefulSetAndPointsTheServicesAtIt() {
        Bundle dev = base.plus(overlayResources.get("dev"));
        StatefulSet postgres = dev.get(StatefulSet.class, "postgres");
        assertEquals(1, postgres.getSpec().getReplicas());
        Container container = dev.workload("postgres").container("postgres");
        assertEquals("postgres:17", container.getImage());
        assertEquals(1, postgres.getSpec().getVolumeClaimTemplates().size(), "data on a PersistentVolumeClaim");
        String claim = postgres.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertNotNull(postgres.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests()
                .get("storage"), "the claim requests storage");
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> claim.equals(m.getName())),
                "postgres mounts " + claim);
        assertEquals("None", dev.get(Service.class, postgres.getSpec().getServiceName()).getSpec().getClusterIP());
        String credentials = container.getEnvFrom().stream().filter(s -> s.getSecretRef() != null)
                .map(s -> s.getSecretRef().getName()).findFirst().orElseThrow();
        Secret template = dev.get(Secret.class, credentials);

        Bundle patches = overlayPatches.get("dev");
        Reachability network = new Reachability(NAMESPACE, dev.all(NetworkPolicy.class));
        Reachability.Endpoint database = endpoint(dev.workload("postgres"));
        for (String service : SERVICES) {
            boolean owner = DATABASES.containsKey(service);
            assertEquals(owner, network.allows(endpoint(dev.workload(service)), database, "postgres"),
                    service + " -> postgres should be " + (owner ? "allowed" : "denied"));
            if (!owner) {
                continue;
            }
            Map<String, EnvVar> env = env(patches.workload(service).container(service));
            assertNotNull(env.get("DB_URL"), service + " sets DB_URL in dev");
            assertEquals("postgresql://" + postgres.getSpec().getServiceName() + ":5432/" + DATABASES.get(service),
                    env.get("DB_URL").getValue(), service + " DB_URL in dev");
            for (String variable : List.of("DB_USER", "DB_PASSWORD")) {
                SecretKeySelector reference = secretKeyRef(env, variable, service);
                assertEquals(credentials, reference.getName(), service + " " + variable);
                assertTrue(template.getStringData().containsKey(reference.getKey()), service + " " + variable);
            }
        }
        assertFalse(network.allows(Reachability.Endpoint.outsideTheCluster(), database, "postgres"));
    }

    @Test
    void prodOverlayTakesDatabaseSettingsFromSecrets() {
        Bundle patches = overlayPatches.get("prod");
        Set<String> secretsInGit = names(base.plus(overlayResources.get("prod")).all(Secret.class).stream()
                .map(secret -> secret.getMetadata().getName()));
        for (String service : DATABASES.keySet()) {
            Map<String, EnvVar> env = env(patches.workload(service).container(service));
            String secret = secretKeyRef(env, "DB_USER", service).getName();
            assertEquals(secret, secretKeyRef(env, "DB_PASSWORD", service).getName(), service + " credentials");
            assertFalse(secretsInGit.contains(secret), service + ": the database Secret " + secret + " is not in git");

            EnvVar url = env.get("DB_URL");
            assertNotNull(url, service + " sets DB_URL");
            if (url.getValueFrom() != null) {
                assertEquals(secret, secretKeyRef(env, "DB_URL", service).getName(), service + " DB_URL");
            } else {
                assertTrue(url.getValue().startsWith("postgresql://"), service + " DB_URL in reactive form");
                Matcher reference = VARIABLE_REFERENCE.matcher(url.getValue());
                List<String> defined = new ArrayList<>(env.keySet());
                int referenced = 0;
                while (reference.find()) {
                    String variable = reference.group(1);
                    assertTrue(defined.indexOf(variable) >= 0 && defined.indexOf(variable) < defined.indexOf("DB_URL"),
                            service + ": DB_URL refers to $(" + variable + "), which must be defined before it");
                    assertEquals(secret, secretKeyRef(env, variable, service).getName(), service + " " + variable);
                    referenced++;
                }
                assertTrue(referenced > 0, service + ": DB_URL is composed from the Secret, not written into git");
            }
        }
        Reachability network =
                new Reachability(NAMESPACE, base.plus(overlayResources.get("prod")).all(NetworkPolicy.class));
        for (String service : DATABASES.keySet()) {
            Reachability.Endpoint pod = endpoint(base.workload(service));
            assertTrue(network.allows(pod, Reachability.Endpoint.outsideTheCluster(), 5432, "TCP"),
                    service + " reaches an external PostgreSQL");
        }
    }

    /** Where kubectl is installed, kustomize itself must build base and every overlay into strictly valid objects. */
    @Test
    void baseAndOverlaysBuildWithKubectlKustomizeWhereKubectlIsInstalled() throws Exception {
        Path kubectl = onPath("kubectl");
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
        List<Path> roots = new ArrayList<>(List.of(k8s.resolve("base")));
        overlayKustomizations.values().forEach(kustomization -> roots.add(kustomization.directory()));
        for (Path root : roots) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", root.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "kubectl kustomize " + root + " timed out");
            assertEquals(0, process.exitValue(), "kubectl kustomize " + root + ":\n" + output);
            int index = 0;
            for (String document : output.split("(?m)^---\\s*$")) {
                if (document.isBlank()) {
                    continue;
                }
                HasMetadata object = Manifests.parse(document, "kubectl kustomize " + root + " object " + index++);
                String name = object.getKind() + " " + object.getMetadata().getName();
                assertEquals("openpeering", object.getMetadata().getLabels().get("app.kubernetes.io/part-of"), name);
                if (!object.getKind().equals("Namespace")) {
                    assertEquals(NAMESPACE, object.getMetadata().getNamespace(), name);
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<Path> overlayDirectories() {
        try (Stream<Path> dirs = Files.list(k8s.resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(Kustomization.FILE_NAME))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The listed files that exist (missing ones are reported by the kustomization test, not here). */
    private static List<Path> existingFiles(Path dir, List<String> listed) {
        return listed.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
    }

    private static Bundle readAll(List<Path> files, List<String> problems) {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files) {
            try {
                manifests.add(Manifests.read(file));
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        return new Bundle(manifests);
    }

    /** Base, and base plus each overlay's own resources: the sets of whole objects that kustomize builds. */
    private static List<Bundle> buildableBundles() {
        List<Bundle> bundles = new ArrayList<>(List.of(base));
        overlayResources.values().forEach(resources -> bundles.add(base.plus(resources)));
        return bundles;
    }

    private static List<Workload> allWorkloads() {
        List<Workload> workloads = new ArrayList<>(base.workloads());
        overlayResources.values().forEach(bundle -> workloads.addAll(bundle.workloads()));
        return workloads;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getInitContainers());
        containers.addAll(pod.getContainers());
        return containers;
    }

    private static Reachability.Endpoint endpoint(Workload workload) {
        Map<String, Integer> ports = new TreeMap<>();
        workload.namedPorts().forEach((name, port) -> ports.put(name, port.getContainerPort()));
        return new Reachability.Endpoint(NAMESPACE, workload.podLabels(), ports);
    }

    private static boolean addsPartOfLabel(Kustomization kustomization) {
        Object common = kustomization.fields().get("commonLabels");
        if (common instanceof Map<?, ?> labels && NAMESPACE.equals(labels.get("app.kubernetes.io/part-of"))) {
            return true;
        }
        return kustomization.labels().stream().anyMatch(entry -> entry.get("pairs") instanceof Map<?, ?> pairs
                && NAMESPACE.equals(pairs.get("app.kubernetes.io/part-of"))
                && !Boolean.FALSE.equals(entry.get("includeTemplates")));
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertNotNull(probe, what + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, what + " probe is an HTTP GET");
        assertEquals(path, get.getPath(), what + " probe path");
        assertEquals("http", get.getPort().getStrVal(), what + " probe uses the port named http");
    }

    private static void assertNonRootId(String what, Long id) {
        assertNotNull(id, what);
        assertTrue(id > 0, what + " is not root");
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        container.getEnv().forEach(variable -> assertNull(env.put(variable.getName(), variable),
                container.getName() + " sets " + variable.getName() + " twice"));
        return env;
    }

    private static SecretKeySelector secretKeyRef(Map<String, EnvVar> env, String variable, String service) {
        EnvVar var = env.get(variable);
        if (var == null || var.getValueFrom() == null || var.getValueFrom().getSecretKeyRef() == null) {
            fail(service + " takes " + variable + " from a Secret (valueFrom.secretKeyRef)");
        }
        return var.getValueFrom().getSecretKeyRef();
    }

    /** What a kustomize images: entry does to an image reference (name, newName, newTag). */
    private static String transformImage(String image, List<Map<String, Object>> images) {
        int colon = image.lastIndexOf(':');
        String name = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
        String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
        for (Map<String, Object> entry : images) {
            if (name.equals(entry.get("name"))) {
                String newName = (String) entry.getOrDefault("newName", name);
                String newTag = String.valueOf(entry.getOrDefault("newTag", tag));
                return newName + ":" + newTag;
            }
        }
        return image;
    }

    private static Set<String> names(Stream<String> names) {
        return new TreeSet<>(names.toList());
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
