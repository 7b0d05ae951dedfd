package io.nexusconnect.deploy.k8s.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a module reads, found in its sources: {@code @ConfigProperty(name = ...)} and the leaves of
 * {@code @ConfigMapping} interfaces (kebab-case method names or {@code @WithName}, nested groups, maps), each with
 * whether it has a default and whether it is optional. A map contributes keys with a {@value #ANY} segment for its
 * entry names ({@code @WithParentName Map<String, Api> apis()} under {@code nexus.apis}: {@code nexus.apis.*.base-url});
 * such keys are never required, an absent entry is an empty map.
 */
public final class ConfigKeys {
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(\\s*,\\s*defaultValue\\s*=\\s*\"[^\"]*\")?\\s*\\)\\s*([\\w.<>?, ]+?)\\s+\\w+\\s*[;,)=]");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("([\\w.<>?, ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern MAP = Pattern.compile("\\bMap<\\s*\\w+\\s*,\\s*([\\w.]+)\\s*>");
    private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:?)");
    /** The segment standing for any entry name of a map. */
    public static final String ANY = "*";

    /** One key: required when it has no default and is not optional. */
    public record Key(String name, boolean hasDefault, boolean optional) {
        public boolean required() {
            return !hasDefault && !optional;
        }
    }

    private ConfigKeys() {
    }

    public static Map<String, Key> inSources(Path sourceRoot) {
        Map<String, Key> keys = new LinkedHashMap<>();
        if (!Files.isDirectory(sourceRoot)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher property = CONFIG_PROPERTY.matcher(source);
                while (property.find()) {
                    keys.merge(property.group(1), new Key(property.group(1), property.group(2) != null,
                            property.group(3).trim().startsWith("Optional")), ConfigKeys::weaker);
                }
                Matcher mapping = MAPPING.matcher(source);
                if (mapping.find()) {
                    mappingKeys(source, mapping.group(1)).forEach(k -> keys.merge(k.name(), k, ConfigKeys::weaker));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Two reads of one key: it is required if either read requires it. */
    private static Key weaker(Key a, Key b) {
        return a.required() ? a : b;
    }

    static List<Key> mappingKeys(String source, String prefix) {
        Map<String, String> bodies = interfaceBodies(source);
        String root = bodies.keySet().iterator().next();
        List<Key> keys = new ArrayList<>();
        collect(bodies, root, prefix, keys, 0);
        return keys;
    }

    private static void collect(Map<String, String> bodies, String type, String prefix, List<Key> keys, int depth) {
        collect(bodies, type, prefix, keys, depth, false);
    }

    /** {@code inMap}: below a map entry, where nothing is required (the entry itself is optional). */
    private static void collect(Map<String, String> bodies, String type, String prefix, List<Key> keys, int depth,
                                boolean inMap) {
        if (depth > 8) {
            return;
        }
        String body = bodies.get(type);
        Matcher method = METHOD.matcher(body);
        int previousEnd = 0;
        while (method.find()) {
            String annotations = body.substring(previousEnd, method.start(2));
            previousEnd = method.end();
            String declared = method.group(1).trim();
            String returnType = declared.substring(declared.lastIndexOf(' ') + 1);
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = annotations.contains("@WithParentName") ? prefix
                    : prefix + "." + (withName.find() ? withName.group(1) : kebab(method.group(2)));
            Matcher map = MAP.matcher(declared);
            if (map.find()) {
                String entry = name + "." + ANY;
                String valueType = map.group(1).substring(map.group(1).lastIndexOf('.') + 1);
                if (bodies.containsKey(valueType)) {
                    collect(bodies, valueType, entry, keys, depth + 1, true);
                } else {
                    keys.add(new Key(entry, false, true));
                }
            } else if (bodies.containsKey(returnType)) {
                collect(bodies, returnType, name, keys, depth + 1, inMap);
            } else {
                keys.add(new Key(name, annotations.contains("@WithDefault"), inMap || returnType.startsWith("Optional")
                        || declared.contains("Optional<")));
                Matcher withDefault = WITH_DEFAULT.matcher(annotations);
                if (withDefault.find()) {
                    keys.addAll(referencedIn(withDefault.group(1)));
                }
            }
        }
    }

    /** Each interface's own body, nested interfaces cut out; the first is the outermost. */
    static Map<String, String> interfaceBodies(String source) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher start = INTERFACE.matcher(source);
        while (start.find()) {
            int open = start.end() - 1;
            int close = matchingBrace(source, open);
            bodies.put(start.group(1), source.substring(open + 1, close));
        }
        Map<String, String> own = new LinkedHashMap<>();
        bodies.forEach((name, body) -> {
            String stripped = body;
            Matcher nested = INTERFACE.matcher(stripped);
            while (nested.find()) {
                int close = matchingBrace(stripped, nested.end() - 1);
                stripped = stripped.substring(0, nested.start()) + ";" + stripped.substring(close + 1);
                nested = INTERFACE.matcher(stripped);
            }
            own.put(name, stripped);
        });
        return own;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The environment variable SmallRye Config maps to a key: every non-alphanumeric character becomes '_'. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /**
     * The keys a value reads through property expressions: {@code ${nexus.adapter.speed-factor:1}} reads
     * {@code nexus.adapter.speed-factor}, with a default; {@code ${a:${b:1}}} reads both.
     */
    public static List<Key> referencedIn(String value) {
        List<Key> keys = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(value);
        while (expression.find()) {
            keys.add(new Key(expression.group(1), !expression.group(2).isEmpty(), false));
        }
        return keys;
    }

    /** Whether an environment variable sets {@code key}; a {@value #ANY} segment matches any entry name. */
    public static boolean envSets(String envName, String key) {
        if (!key.contains(ANY)) {
            return envName.equals(envName(key));
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = key.split(Pattern.quote(ANY), -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(envName(parts[i])));
            if (i < parts.length - 1) {
                regex.append("[A-Z0-9_]+");
            }
        }
        return envName.matches(regex.toString());
    }
}
