package com.tenx.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML files of {@code deploy/k8s}, parsed as they are (no kustomize build): every
 * document of every file, and paths into them.
 */
final class KubernetesManifests {

    static final Path DIRECTORY = Path.of("deploy", "k8s");

    /** Not applied with the rest: placeholders for the Secret the Deployment reads. */
    static final String SECRET_EXAMPLE = "secret.example.yaml";

    static final String KUSTOMIZATION = "kustomization.yaml";

    private final Map<String, List<Node>> documentsByFile;

    private KubernetesManifests(Map<String, List<Node>> documentsByFile) {
        this.documentsByFile = documentsByFile;
    }

    static KubernetesManifests load() {
        Map<String, List<Node>> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
                documents.put(file.getFileName().toString(), parse(file));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new KubernetesManifests(documents);
    }

    private static List<Node> parse(Path file) throws IOException {
        List<Node> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            int index = 0;
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add(new Node(file.getFileName() + "[" + index++ + "]", document));
                }
            }
        }
        return documents;
    }

    Map<String, List<Node>> documentsByFile() {
        return documentsByFile;
    }

    /** Every Kubernetes object, that is every document but the kustomization's. */
    List<Node> objects() {
        return documentsByFile.entrySet()
            .stream()
            .filter((entry) -> !entry.getKey().equals(KUSTOMIZATION))
            .flatMap((entry) -> entry.getValue().stream())
            .toList();
    }

    /** The objects of the kustomization: all but the Secret example. */
    List<Node> applied() {
        return documentsByFile.entrySet()
            .stream()
            .filter((entry) -> !entry.getKey().equals(KUSTOMIZATION) && !entry.getKey().equals(SECRET_EXAMPLE))
            .flatMap((entry) -> entry.getValue().stream())
            .toList();
    }

    List<Node> ofKind(String kind) {
        return applied().stream().filter((object) -> kind.equals(object.get("kind").value())).toList();
    }

    Node only(String kind) {
        List<Node> objects = ofKind(kind);
        assertThat(objects).as("objects of kind %s", kind).hasSize(1);
        return objects.get(0);
    }

    Node kustomization() {
        List<Node> documents = documentsByFile.get(KUSTOMIZATION);
        assertThat(documents).as(KUSTOMIZATION).isNotNull().hasSize(1);
        return documents.get(0);
    }

    Node secretExample() {
        List<Node> documents = documentsByFile.get(SECRET_EXAMPLE);
        assertThat(documents).as(SECRET_EXAMPLE).isNotNull().hasSize(1);
        return documents.get(0);
    }

    /**
     * A place in a parsed document: {@code value} is what SnakeYAML made of it (a map, a
     * list, a scalar) or {@code null} when the path does not exist.
     */
    record Node(String path, Object value) {

        Node get(String key) {
            Object child = (value instanceof Map<?, ?> map) ? map.get(key) : null;
            return new Node(path + "." + key, child);
        }

        boolean exists() {
            return value != null;
        }

        String text() {
            assertThat(value).as(path).isNotNull();
            return String.valueOf(value);
        }

        int integer() {
            assertThat(value).as(path).isNotNull();
            return (value instanceof Number number) ? number.intValue() : Integer.parseInt(text());
        }

        List<Node> list() {
            assertThat(value).as(path).isInstanceOf(List.class);
            List<Node> items = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                items.add(new Node(path + "[" + i + "]", list.get(i)));
            }
            return items;
        }

        /** The list item whose {@code name} is {@code name}. */
        Node named(String name) {
            return list().stream()
                .filter((item) -> name.equals(item.get("name").value()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " has no item named " + name));
        }

        /** A map of scalars, such as labels, as strings. */
        Map<String, String> strings() {
            assertThat(value).as(path).isInstanceOf(Map.class);
            Map<String, String> strings = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, item) -> strings.put(String.valueOf(key), String.valueOf(item)));
            return strings;
        }

    }

}
