package org.holidaydesk.assistant.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * An overlay of {@code k8s/} as Kubernetes receives it: rendered by {@code kubectl kustomize} (as
 * {@code .ci/run} does) and read into fabric8's Kubernetes model; kinds the model does not know (the
 * Prometheus Operator's, CloudNativePG's) come as generic resources.
 */
final class RenderedManifests {

    static final Path K8S = Path.of("k8s");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String overlay;
    private final List<HasMetadata> objects;

    private RenderedManifests(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static RenderedManifests render(String overlay) {
        return new RenderedManifests(
                overlay, read(kustomize(K8S.resolve("overlays").resolve(overlay))));
    }

    /** One file of {@code k8s/} that no overlay applies (the Secret's example). */
    static List<HasMetadata> file(String name) {
        try (InputStream in = Files.newInputStream(K8S.resolve(name))) {
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String overlay() {
        return overlay;
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<GenericKubernetesResource> all(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()))
                .toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind.getSimpleName() + " " + name));
    }

    GenericKubernetesResource named(String kind, String name) {
        return all(kind).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    Stream<Container> containers() {
        return all(Deployment.class).stream()
                .flatMap(d -> Stream.concat(
                        d.getSpec().getTemplate().getSpec().getContainers().stream(),
                        d.getSpec().getTemplate().getSpec().getInitContainers().stream()));
    }

    /** The data of the ConfigMap whose generated name starts with {@code prefix} (kustomize adds a hash). */
    Map<String, String> configMap(String prefix) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no ConfigMap " + prefix))
                .getData();
    }

    @Override
    public String toString() {
        return overlay;
    }

    private static byte[] kustomize(Path directory) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + errors);
            }
            return out;
        } catch (IOException noKubectl) {
            // .ci/run installs kubectl when it is missing, so CI always renders
            Assumptions.abort("kubectl is not installed: " + noKubectl.getMessage());
            throw new UncheckedIOException(noKubectl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> read(byte[] yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml));
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        if (parsed instanceof List<?> list) {
            return (List<HasMetadata>) list;
        }
        return List.of((HasMetadata) parsed);
    }
}
