package io.nexusconnect.deploy.k8s.render;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize} (the kustomize embedded in kubectl). Without kubectl the
 * validation cannot run: under CI that is a failure, on a developer machine the tests are skipped with a message.
 */
public final class Kustomize {
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The directory of the manifests (deploy/k8s). */
    public static Path k8sDir() {
        return Path.of(System.getProperty("nexus.k8s.dir", ".")).toAbsolutePath().normalize();
    }

    /** Renders {@code deploy/k8s/<relative>} once per test JVM. */
    public static Manifests render(String relative) {
        return RENDERED.computeIfAbsent(k8sDir().resolve(relative).normalize(), Kustomize::renderUncached);
    }

    public static Manifests renderUncached(Path dir) {
        String kubectl = kubectl();
        try {
            Process process = new ProcessBuilder(List.of(kubectl, "kustomize", dir.toString()))
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            List<Manifest> manifests = StrictYaml.parseAll(new String(out, StandardCharsets.UTF_8)).stream()
                    .map(Manifest::new).toList();
            return new Manifests(dir.toString(), manifests);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    static String kubectl() {
        for (String candidate : List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl").toString();
            }
        }
        String message = "kubectl is not installed: the Kubernetes manifests cannot be rendered and validated";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true requires it)");
        }
        Assumptions.abort(message + "; skipped (install kubectl >= 1.27 to run these tests)");
        return null;
    }
}
