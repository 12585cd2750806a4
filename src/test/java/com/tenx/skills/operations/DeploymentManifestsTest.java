package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tenx.skills.operations.KubernetesManifests.Node;
import com.tenx.skills.support.Api;
import com.tenx.skills.support.ApiTest;
import com.tenx.skills.support.Reply;
import com.tenx.skills.support.TestDatabase;
import com.tenx.skills.support.TestSettings;
import com.tenx.skills.support.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The Kubernetes manifests of {@code deploy/k8s} against the application they deploy, so
 * neither can change without the other: the probes and the scrape path are paths the
 * running server answers on the ports the manifests name, every variable the Deployment
 * sets is one the application reads, and the shutdown timings fit the server's drain and
 * graceful shutdown. Also what {@code kubectl apply} would reject or silently get wrong:
 * selectors that select nothing, a Secret key the example lacks.
 */
class DeploymentManifestsTest extends ApiTest {

    private static final KubernetesManifests manifests = KubernetesManifests.load();

    /** Names every object carries, and the pods are selected by. */
    private static final String NAME_LABEL = "app.kubernetes.io/name";

    @Autowired
    private Environment environment;

    // The running server

    @Test
    void probesAreHealthGroupsTheServerAnswersOnTheApiPort() {
        Node container = container();
        Map<String, String> probePaths = Map.of("livenessProbe", probePath("liveness"), "readinessProbe",
                probePath("readiness"), "startupProbe", probePath("liveness"));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Node httpGet = container.get(probe).get("httpGet");
            assertThat(httpGet.exists()).as("%s.httpGet", container.get(probe).path()).isTrue();
            String path = httpGet.get("path").text();
            int containerPort = containerPort(httpGet.get("port"));

            assertThat(containerPort).as("%s: the API port", httpGet.get("port").path())
                .isEqualTo(containerPort("http"))
                .isEqualTo(deployedSetting("server.port", Integer.class));
            assertThat(path).as(httpGet.get("path").path()).isEqualTo(probePaths.get(probe));
            Reply reply = new Api(localPort(containerPort)).get(path).send();
            assertThat(reply.status()).as("GET %s on the API port", path).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void prometheusAnswersOnTheManagementPortTheAnnotationsName() {
        Map<String, String> annotations = deployment().get("spec")
            .get("template")
            .get("metadata")
            .get("annotations")
            .strings();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true");
        int annotatedPort = Integer.parseInt(annotations.get("prometheus.io/port"));
        assertThat(annotatedPort).as("prometheus.io/port: the container's management port")
            .isEqualTo(containerPort("management"));

        Reply reply = new Api(localPort(annotatedPort)).get(annotations.get("prometheus.io/path")).send();

        assertThat(reply.status()).as("GET %s on the management port", annotations.get("prometheus.io/path"))
            .isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes");
        assertThat(api.get(annotations.get("prometheus.io/path")).send().status())
            .as("the API port, the only one behind the Service, serves no metrics")
            .isEqualTo(404);
    }

    @Test
    void containerPortsAreThePortsTheServerListensOnWithTheDeploymentsVariables() {
        assertThat(containerPort("http")).as("containerPort http: server.port")
            .isEqualTo(deployedSetting("server.port", Integer.class));
        assertThat(containerPort("management")).as("containerPort management: management.server.port")
            .isEqualTo(deployedSetting("management.server.port", Integer.class));
        assertThat(environment.getProperty("local.management.port"))
            .as("the management server runs on a port of its own")
            .isNotNull()
            .isNotEqualTo(environment.getProperty("local.server.port"));
    }

    /**
     * Starts another instance configured by nothing but the Deployment's variables (with
     * the test database and secret for the Secret's values), and checks it runs on that
     * database, created the bootstrap admin, and read every variable it was given.
     */
    @Test
    void everyVariableTheDeploymentSetsIsOneTheServerReads() {
        Map<String, String> variables = variablesForATestServer();

        try (EnvironmentOnlyServer server = EnvironmentOnlyServer.start(variables)) {
            Api api = new Api(server.port());
            assertThat(api.get(probePath("readiness")).send().status()).isEqualTo(200);
            assertThat(new World(api).login(World.ADMIN_EMAIL, World.ADMIN_PASSWORD)).isNotBlank();

            Set<String> unread = new TreeSet<>(variables.keySet());
            unread.removeAll(server.read());
            assertThat(unread).as("variables the Deployment sets that the server never reads").isEmpty();
        }
    }

    @Test
    void everyVariableTheDeploymentSetsIsInTheReadmeConfigurationTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher section = Pattern.compile("(?ms)^## Configuration$(.*?)^## ").matcher(readme);
        assertThat(section.find()).as("README.md has a Configuration section").isTrue();
        Set<String> documented = new TreeSet<>();
        for (String row : section.group(1).lines().filter((line) -> line.startsWith("|")).toList()) {
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(row.split("\\|")[1]);
            while (name.find()) {
                documented.add(name.group(1));
            }
        }

        assertThat(documented).as("variables in README.md's configuration table").containsAll(variableNames());
    }

    @Test
    void theExampleSecretHoldsPlaceholdersForExactlyTheKeysTheDeploymentReads() {
        Node secret = manifests.secretExample();
        assertThat(secret.get("kind").text()).isEqualTo("Secret");
        Map<String, String> placeholders = secret.get("stringData").strings();
        Set<String> referenced = new LinkedHashSet<>();
        for (Node variable : container().get("env").list()) {
            Node reference = variable.get("valueFrom").get("secretKeyRef");
            if (reference.exists()) {
                assertThat(reference.get("name").text()).as(reference.get("name").path())
                    .isEqualTo(secret.get("metadata").get("name").text());
                referenced.add(reference.get("key").text());
            }
        }

        assertThat(placeholders.keySet()).as("keys of %s", KubernetesManifests.SECRET_EXAMPLE)
            .containsExactlyInAnyOrderElementsOf(referenced);
        assertThat(placeholders.values()).as("placeholder values")
            .allSatisfy((value) -> assertThat(value).contains("REPLACE-ME"));
    }

    // Shutdown

    @Test
    void terminationGracePeriodCoversTheDrainAndTheGracefulShutdown() {
        Node pod = deployment().get("spec").get("template").get("spec");
        Duration grace = Duration.ofSeconds(pod.get("terminationGracePeriodSeconds").integer());
        Duration drain = deployedSetting("skills.shutdown.drain", Duration.class);
        Duration shutdown = deployedSetting("spring.lifecycle.timeout-per-shutdown-phase", Duration.class);

        assertThat(deployedSetting("server.shutdown", String.class)).isEqualTo("graceful");
        assertThat(grace)
            .as("terminationGracePeriodSeconds > preStop %s + drain %s + shutdown %s", preStopSleep(), drain, shutdown)
            .isGreaterThan(preStopSleep().plus(drain).plus(shutdown));
    }

    @Test
    void readinessProbeSeesTheServerGoDownBeforeTheDrainEnds() {
        Node readiness = container().get("readinessProbe");
        int period = readiness.get("periodSeconds").exists() ? readiness.get("periodSeconds").integer() : 10;
        int failures = readiness.get("failureThreshold").exists() ? readiness.get("failureThreshold").integer() : 3;
        Duration drain = deployedSetting("skills.shutdown.drain", Duration.class);

        assertThat(Duration.ofSeconds((long) period * failures))
            .as("readiness periodSeconds x failureThreshold < drain %s", drain)
            .isLessThan(drain);
    }

    // Security

    /**
     * A held {@code ?wait=} call lasts up to 60 s: the balancer's idle time-outs and the
     * server's own async time-out must outlast it, or the call is cut instead of
     * answered.
     */
    @Test
    void balancerAndAsyncTimeoutsOutlastTheLongestWait() throws IOException {
        Duration longestWait = Duration.ofSeconds(60);
        Matcher timeouts = Pattern.compile("(?m)^\\s*timeout (client|server) (\\d+)s\\s*$")
            .matcher(Files.readString(Path.of("deploy/haproxy/haproxy.cfg")));
        int found = 0;
        while (timeouts.find()) {
            assertThat(Duration.ofSeconds(Long.parseLong(timeouts.group(2))))
                .as("HAProxy timeout %s", timeouts.group(1))
                .isGreaterThan(longestWait);
            found++;
        }
        assertThat(found).isEqualTo(2);
        assertThat(deployedSetting("spring.mvc.async.request-timeout", Duration.class)).isGreaterThan(longestWait);
    }

    @Test
    void serverRunsUnprivilegedOnAReadOnlyRootFilesystem() {
        Node pod = deployment().get("spec").get("template").get("spec");
        Node podSecurity = pod.get("securityContext");
        assertFlag(podSecurity.get("runAsNonRoot"), true);
        assertThat(podSecurity.get("runAsUser").value()).as(podSecurity.get("runAsUser").path())
            .isInstanceOf(Integer.class);
        assertThat(podSecurity.get("runAsUser").integer()).isPositive();
        assertThat(podSecurity.get("seccompProfile").get("type").text()).isEqualTo("RuntimeDefault");

        Node security = container().get("securityContext");
        assertFlag(security.get("allowPrivilegeEscalation"), false);
        assertFlag(security.get("readOnlyRootFilesystem"), true);
        assertThat(security.get("privileged").exists()).as(security.get("privileged").path()).isFalse();
        assertThat(security.get("runAsUser").exists()).as("runAsUser is the pod's").isFalse();
        assertThat(security.get("capabilities").get("drop").list()).extracting(Node::value).contains("ALL");
        assertThat(security.get("capabilities").get("add").exists()).as("capabilities added").isFalse();

        Node tmp = container().get("volumeMounts")
            .list()
            .stream()
            .filter((mount) -> "/tmp".equals(mount.get("mountPath").value()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("/tmp is mounted: the root filesystem is read-only"));
        assertThat(pod.get("volumes").named(tmp.get("name").text()).get("emptyDir").exists()).isTrue();

        Node resources = container().get("resources");
        assertThat(resources.get("limits").get("memory").exists()).as("a memory limit: the heap is 75%% of it")
            .isTrue();
        assertThat(resources.get("requests").get("cpu").exists()).isTrue();
    }

    // Structure, as far as it can be checked without a cluster

    @Test
    void everyObjectHasAnApiVersionAKindAndANameAndTheCommonLabel() {
        assertThat(manifests.objects()).isNotEmpty().allSatisfy((object) -> {
            assertThat(object.get("apiVersion").exists()).as(object.path() + ".apiVersion").isTrue();
            assertThat(object.get("kind").exists()).as(object.path() + ".kind").isTrue();
            assertThat(object.get("metadata").get("name").exists()).as(object.path() + ".metadata.name").isTrue();
            assertThat(object.get("metadata").get("labels").strings()).as(object.path() + ".metadata.labels")
                .containsEntry(NAME_LABEL, "skills-control-plane");
        });
        assertThat(manifests.ofKind("Deployment")).hasSize(1);
        assertThat(manifests.ofKind("Service")).isNotEmpty();
        assertThat(manifests.ofKind("PodDisruptionBudget")).hasSize(1);
    }

    @Test
    void kustomizationAppliesEveryManifestButTheExampleSecret() {
        Node kustomization = manifests.kustomization();
        assertThat(kustomization.get("apiVersion").text()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.get("kind").text()).isEqualTo("Kustomization");
        Set<String> manifestFiles = new TreeSet<>(manifests.documentsByFile().keySet());
        manifestFiles.removeAll(Set.of(KubernetesManifests.KUSTOMIZATION, KubernetesManifests.SECRET_EXAMPLE));

        assertThat(kustomization.get("resources").list()).extracting(Node::text)
            .containsExactlyInAnyOrderElementsOf(manifestFiles);
        String image = container().get("image").text();
        if (kustomization.get("images").exists()) {
            assertThat(kustomization.get("images").list())
                .as("kustomize images entries apply to the Deployment's image %s", image)
                .allSatisfy((entry) -> assertThat(image).startsWith(entry.get("name").text() + ":"));
        }
    }

    @Test
    void everySelectorSelectsTheDeploymentsPods() {
        Node deployment = deployment();
        Map<String, String> podLabels = deployment.get("spec").get("template").get("metadata").get("labels").strings();
        List<Node> selectors = new ArrayList<>();
        selectors.add(deployment.get("spec").get("selector").get("matchLabels"));
        manifests.ofKind("Service").forEach((service) -> selectors.add(service.get("spec").get("selector")));
        selectors.add(manifests.only("PodDisruptionBudget").get("spec").get("selector").get("matchLabels"));
        Node spread = deployment.get("spec").get("template").get("spec").get("topologySpreadConstraints");
        spread.list().forEach((constraint) -> selectors.add(constraint.get("labelSelector").get("matchLabels")));

        assertThat(selectors).allSatisfy((selector) -> {
            assertThat(selector.strings()).as(selector.path()).containsKey(NAME_LABEL);
            assertThat(podLabels).as("the pod labels, for " + selector.path()).containsAllEntriesOf(selector.strings());
        });
        assertThat(spread.list()).extracting((constraint) -> constraint.get("topologyKey").text())
            .contains("kubernetes.io/hostname");
        assertThat(spread.list()).extracting((constraint) -> constraint.get("whenUnsatisfiable").text())
            .containsOnly("ScheduleAnyway");
        assertThat(manifests.only("PodDisruptionBudget").get("spec").get("minAvailable").integer())
            .as("minAvailable below the replicas, so a node drain can evict one")
            .isEqualTo(1)
            .isLessThan(deployment.get("spec").get("replicas").integer());
    }

    @Test
    void theApiServiceExposesOnlyTheApiPortOnPort80() {
        List<Node> balanced = manifests.ofKind("Service")
            .stream()
            .filter((service) -> !"None".equals(service.get("spec").get("clusterIP").value()))
            .toList();
        assertThat(balanced).hasSize(1);
        Node api = balanced.get(0).get("spec");
        assertThat(api.get("type").text()).isEqualTo("ClusterIP");
        assertThat(api.get("ports").list()).hasSize(1);
        assertThat(api.get("ports").list().get(0).get("port").integer()).isEqualTo(80);
        assertThat(containerPort(api.get("ports").list().get(0).get("targetPort"))).isEqualTo(containerPort("http"));

        for (Node service : manifests.ofKind("Service")) {
            for (Node port : service.get("spec").get("ports").list()) {
                assertThat(containerPorts()).as(port.get("targetPort").path() + ": a port of the container")
                    .containsValue(containerPort(port.get("targetPort")));
            }
        }
    }

    // The manifests, and what the application makes of them

    private static Node deployment() {
        return manifests.only("Deployment");
    }

    private static Node container() {
        List<Node> containers = deployment().get("spec").get("template").get("spec").get("containers").list();
        assertThat(containers).hasSize(1);
        Node container = containers.get(0);
        assertThat(container.get("envFrom").exists()).as("variables named one by one, not envFrom").isFalse();
        return container;
    }

    private static Map<String, Integer> containerPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        container().get("ports")
            .list()
            .forEach((port) -> ports.put(port.get("name").text(), port.get("containerPort").integer()));
        return ports;
    }

    private static int containerPort(String name) {
        Integer port = containerPorts().get(name);
        assertThat(port).as("the container port named %s", name).isNotNull();
        return port;
    }

    /** A probe's or Service's port: a container port's name or number. */
    private static int containerPort(Node reference) {
        return (reference.value() instanceof Number number) ? number.intValue() : containerPort(reference.text());
    }

    private static List<String> variableNames() {
        return container().get("env").list().stream().map((variable) -> variable.get("name").text()).toList();
    }

    /**
     * The variables the Deployment sets with a value of their own (not from the Secret).
     */
    private static Map<String, String> literalVariables() {
        Map<String, String> literals = new LinkedHashMap<>();
        for (Node variable : container().get("env").list()) {
            if (variable.get("value").exists()) {
                literals.put(variable.get("name").text(), variable.get("value").text());
            }
        }
        return literals;
    }

    /**
     * The Deployment's variables with test values where the deployed ones cannot serve:
     * the test database, secret and admin for the Secret's keys, free ports for the ports
     * ({@code *_PORT}), and no drain (closing the test server need not wait).
     */
    private static Map<String, String> variablesForATestServer() {
        TestDatabase database = TestDatabase.get();
        Map<String, String> testValues = Map.of("SPRING_DATASOURCE_URL", database.url(), "SPRING_DATASOURCE_USERNAME",
                database.username(), "SPRING_DATASOURCE_PASSWORD", database.password(), "SKILLS_JWT_SECRET",
                TestSettings.JWT_SECRET, "SKILLS_BOOTSTRAP_ADMIN_EMAIL", World.ADMIN_EMAIL,
                "SKILLS_BOOTSTRAP_ADMIN_PASSWORD", World.ADMIN_PASSWORD, "SKILLS_SHUTDOWN_DRAIN", "0s");
        Map<String, String> placeholders = manifests.secretExample().get("stringData").strings();
        Map<String, String> variables = new LinkedHashMap<>();
        for (Node variable : container().get("env").list()) {
            String name = variable.get("name").text();
            if (variable.get("value").exists()) {
                String value = variable.get("value").text();
                boolean port = name.endsWith("_PORT") && value.matches("\\d+");
                variables.put(name, port ? "0" : testValues.getOrDefault(name, value));
            }
            else {
                String key = variable.get("valueFrom").get("secretKeyRef").get("key").text();
                variables.put(name, testValues.getOrDefault(name, placeholders.get(key)));
            }
        }
        return variables;
    }

    /**
     * A setting as the deployed server has it: {@code application.properties} under the
     * Deployment's own variables (the Secret's do not touch these settings).
     */
    private static <T> T deployedSetting(String name, Class<T> type) {
        StandardEnvironment deployed = new StandardEnvironment();
        MutablePropertySources sources = deployed.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new LinkedHashMap<>(literalVariables())));
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("application.properties",
                    new ClassPathResource("application.properties"))) {
                sources.addLast(source);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        ConfigurationPropertySources.attach(deployed);
        return Binder.get(deployed)
            .bind(name, type)
            .orElseThrow(() -> new AssertionError("the deployed server has no setting " + name));
    }

    /**
     * The path a health group answers on the API port: its additional path there when the
     * group has one, else the group under the actuator's base path.
     */
    private String probePath(String group) {
        String additional = environment.getProperty("management.endpoint.health.group." + group + ".additional-path");
        if (additional != null && additional.startsWith("server:")) {
            return additional.substring("server:".length());
        }
        return environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/health/" + group;
    }

    /** The port the test server listens on for a container port of the Deployment. */
    private int localPort(int containerPort) {
        if (containerPort == deployedSetting("server.port", Integer.class)) {
            return Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        }
        assertThat(containerPort).as("container port %d: server.port or management.server.port", containerPort)
            .isEqualTo(deployedSetting("management.server.port", Integer.class));
        String management = environment.getProperty("local.management.port");
        assertThat(management).as("the management server runs on a port of its own").isNotNull();
        return Integer.parseInt(management);
    }

    private static void assertFlag(Node flag, boolean expected) {
        assertThat(flag.value()).as(flag.path()).isEqualTo(expected);
    }

    /** How long a preStop hook sleeps before the server gets SIGTERM. */
    private static Duration preStopSleep() {
        Node preStop = container().get("lifecycle").get("preStop");
        if (!preStop.exists()) {
            return Duration.ZERO;
        }
        if (preStop.get("sleep").exists()) {
            return Duration.ofSeconds(preStop.get("sleep").get("seconds").integer());
        }
        String command = preStop.get("exec")
            .get("command")
            .list()
            .stream()
            .map(Node::text)
            .collect(Collectors.joining(" "));
        Matcher sleep = Pattern.compile("\\bsleep\\s+(\\d+)").matcher(command);
        assertThat(sleep.find()).as("a preStop hook that sleeps: %s", command).isTrue();
        return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
    }

}
