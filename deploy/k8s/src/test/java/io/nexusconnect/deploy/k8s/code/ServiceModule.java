package io.nexusconnect.deploy.k8s.code;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A deployable service of the repository: a module with {@code src/main/resources/application.properties}. Knows
 * its HTTP port and the configuration keys it reads (its own sources and those of the project modules it builds on).
 */
public record ServiceModule(String name, Path dir, Properties properties, String pom, Map<String, ConfigKeys.Key> keys) {

    /** Framework keys of extensions, read by the extension rather than by the service's code. */
    private static final Map<String, Map<String, ConfigKeys.Key>> EXTENSION_KEYS = Map.of(
            "quarkus-smallrye-jwt", Map.of(
                    "mp.jwt.verify.publickey", new ConfigKeys.Key("mp.jwt.verify.publickey", false, false),
                    "mp.jwt.verify.issuer", new ConfigKeys.Key("mp.jwt.verify.issuer", false, true)));

    public static ServiceModule load(Path repo, String module) {
        Path dir = repo.resolve(module);
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(dir.resolve("src/main/resources/application.properties"))));
            String pom = Files.readString(dir.resolve("pom.xml"));
            Map<String, ConfigKeys.Key> keys = new LinkedHashMap<>();
            for (String library : new String[]{"contracts", "adapter-kit"}) {
                if (pom.contains("<artifactId>" + library + "</artifactId>")) {
                    keys.putAll(ConfigKeys.inSources(repo.resolve(library).resolve("src/main/java")));
                }
            }
            keys.putAll(ConfigKeys.inSources(dir.resolve("src/main/java")));
            EXTENSION_KEYS.forEach((extension, extensionKeys) -> {
                if (pom.contains("<artifactId>" + extension + "</artifactId>")) {
                    keys.putAll(extensionKeys);
                }
            });
            for (String key : properties.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    keys.put(key, new ConfigKeys.Key(key, true, false));
                }
            }
            // keys read only through an expression in a value (${nexus.adapter.speed-factor:1}) are read keys too
            for (String key : properties.stringPropertyNames()) {
                ConfigKeys.referencedIn(properties.getProperty(key)).forEach(k -> keys.putIfAbsent(k.name(), k));
            }
            return new ServiceModule(module, dir, properties, pom, keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the module " + module, e);
        }
    }

    public boolean isAdapter() {
        return name.startsWith("adapter-");
    }

    /** The marketplace id of an adapter module ({@code adapter-amazon} → {@code amazon}). */
    public String marketplace() {
        return name.substring("adapter-".length());
    }

    /** Whether any main source file of the module contains {@code text}. */
    public boolean sourcesContain(String text) {
        Path sources = dir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (var files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /** A property without profile, with {@code ${ENV:default}} reduced to its default. */
    public Optional<String> property(String key) {
        String value = properties.getProperty(key);
        if (value != null && value.startsWith("${") && value.contains(":") && value.endsWith("}")) {
            value = value.substring(value.indexOf(':') + 1, value.length() - 1);
        }
        return Optional.ofNullable(value);
    }

    /** Whether an environment variable sets a key this service reads (map entries included). */
    public boolean readsEnv(String envName) {
        return keys.keySet().stream().anyMatch(key -> ConfigKeys.envSets(envName, key));
    }

    /** Keys the service cannot start without: no default anywhere and not optional. */
    public Set<String> requiredKeys() {
        return keys.values().stream().filter(ConfigKeys.Key::required).map(ConfigKeys.Key::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The SmallRye channels, {@code mp.messaging.<direction>.<channel>.<attribute>} → value. */
    public Map<String, Map<String, String>> channels(String direction) {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        String prefix = "mp.messaging." + direction + ".";
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                channels.computeIfAbsent(rest.substring(0, dot), c -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), properties.getProperty(key));
            }
        }
        return channels;
    }
}
