package io.nexusconnect.deploy.k8s.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the manifests deploy: its service modules, as the root pom lists them. */
public record Codebase(Path root, List<ServiceModule> services) {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static Codebase current;

    public static synchronized Codebase current() {
        if (current == null) {
            current = load(Path.of(System.getProperty("nexus.repo.dir", "../..")).toAbsolutePath().normalize());
        }
        return current;
    }

    /**
     * Every module of the root pom with an application.properties is a service and must be deployed, except the
     * examples under {@code examples/}: code for other teams to copy, not part of the system.
     */
    public static Codebase load(Path root) {
        try {
            List<ServiceModule> services = new ArrayList<>();
            Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
            while (module.find()) {
                String name = module.group(1).trim();
                if (!name.startsWith("examples/")
                        && Files.isRegularFile(root.resolve(name).resolve("src/main/resources/application.properties"))) {
                    services.add(ServiceModule.load(root, name));
                }
            }
            return new Codebase(root, List.copyOf(services));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root pom", e);
        }
    }

    public Optional<ServiceModule> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<ServiceModule> adapters() {
        return services.stream().filter(ServiceModule::isAdapter).toList();
    }

    /** A copy that also lists {@code extra}, for the tests that add a service without manifests. */
    public Codebase with(ServiceModule extra) {
        List<ServiceModule> all = new ArrayList<>(services);
        all.add(extra);
        return new Codebase(root, List.copyOf(all));
    }

    public Codebase without(String name) {
        return new Codebase(root, services.stream().filter(s -> !s.name().equals(name)).toList());
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
