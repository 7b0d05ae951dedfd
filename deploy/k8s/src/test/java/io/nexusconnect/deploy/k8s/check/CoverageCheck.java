package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.ServiceModule;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Services ↔ manifests: every service module is deployed with its Deployment, Service, PodDisruptionBudget,
 * ServiceAccount and KafkaUser; every Deployment is a module of the build; every adapter entry under base/adapters
 * belongs to an adapter module and is listed, and every adapter module has an entry.
 */
public final class CoverageCheck {
    private static final Set<String> ADAPTER_PARTS = Set.of("template", "marketplace", "webhooks", "webhook-registrations");
    private static final List<String> PER_SERVICE = List.of("Deployment", "Service", "PodDisruptionBudget", "ServiceAccount", "KafkaUser");

    private CoverageCheck() {
    }

    public static List<String> problems(Manifests manifests, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        for (ServiceModule service : codebase.services()) {
            for (String kind : PER_SERVICE) {
                if (manifests.find(kind, service.name()).isEmpty()) {
                    problems.add("module " + service.name() + " has no " + kind + " " + service.name()
                            + (service.isAdapter() ? " (add base/adapters/" + service.marketplace() + ", see README)" : ""));
                }
            }
        }
        for (ServiceModule service : codebase.services()) {
            dockerfileProblem(service).ifPresent(problems::add);
        }
        for (Manifest deployment : manifests.ofKind("Deployment")) {
            if (codebase.service(deployment.name()).isEmpty()) {
                problems.add(deployment.id() + ": no module " + deployment.name() + " with an application.properties in the build");
            }
        }
        return problems;
    }

    /** The image of a service: Quarkus's Dockerfile.jvm, exposing its quarkus.http.port, running as a non-root user. */
    static Optional<String> dockerfileProblem(ServiceModule service) {
        Path dockerfile = service.dir().resolve("src/main/docker/Dockerfile.jvm");
        if (!Files.isRegularFile(dockerfile)) {
            return Optional.of("module " + service.name() + " has no src/main/docker/Dockerfile.jvm");
        }
        try {
            String text = Files.readString(dockerfile);
            if (!text.contains("\nEXPOSE " + service.httpPort() + "\n") || !text.contains("\nUSER 185\n")) {
                return Optional.of(service.name() + "/src/main/docker/Dockerfile.jvm must EXPOSE " + service.httpPort()
                        + " (quarkus.http.port) and run as USER 185");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The adapter entries on disk ↔ the adapter modules and the entries listed in base/adapters. */
    public static List<String> adapterEntryProblems(Path adaptersDir, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        List<String> entries;
        String listed;
        try (Stream<Path> dirs = Files.list(adaptersDir)) {
            entries = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(d -> !ADAPTER_PARTS.contains(d)).sorted().toList();
            listed = Files.readString(adaptersDir.resolve("kustomization.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String entry : entries) {
            boolean isListed = listed.contains("- " + entry + "\n");
            boolean hasModule = codebase.service("adapter-" + entry).isPresent();
            // an entry prepared ahead of its module stays unlisted until the module is in the build
            if (isListed && !hasModule) {
                problems.add("base/adapters/" + entry + ": no module adapter-" + entry + " with an application.properties in the build");
            }
            if (hasModule && !isListed) {
                problems.add("base/adapters/" + entry + " is not listed in base/adapters/kustomization.yaml");
            }
            Manifest settings = null;
            try {
                settings = new Manifest(io.nexusconnect.deploy.k8s.render.StrictYaml.parseAll(
                        Files.readString(adaptersDir.resolve(entry).resolve("settings.yaml"))).getFirst());
            } catch (IOException | RuntimeException e) {
                problems.add("base/adapters/" + entry + "/settings.yaml is missing or unreadable: " + e.getMessage());
            }
            if (settings != null && !entry.equals(settings.labels().get("nexus-connect.io/marketplace"))) {
                problems.add("base/adapters/" + entry + "/settings.yaml: label nexus-connect.io/marketplace must be " + entry);
            }
        }
        for (ServiceModule adapter : codebase.adapters()) {
            if (!entries.contains(adapter.marketplace()) && !listed.contains("- " + adapter.marketplace() + "\n")) {
                problems.add("module " + adapter.name() + " has no entry base/adapters/" + adapter.marketplace());
            }
        }
        return problems;
    }
}
