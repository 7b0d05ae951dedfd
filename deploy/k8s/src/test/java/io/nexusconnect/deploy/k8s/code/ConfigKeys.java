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
 * {@code @ConfigMapping} interfaces (kebab-case method names or {@code @WithName}, nested groups), each with whether
 * it has a default and whether it is optional.
 */
public final class ConfigKeys {
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(\\s*,\\s*defaultValue\\s*=\\s*\"[^\"]*\")?\\s*\\)\\s*([\\w.<>?, ]+?)\\s+\\w+\\s*[;,)=]");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("([\\w.<>?, ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");

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
        if (depth > 8) {
            return;
        }
        String body = bodies.get(type);
        Matcher method = METHOD.matcher(body);
        int previousEnd = 0;
        while (method.find()) {
            String annotations = body.substring(previousEnd, method.start(2));
            previousEnd = method.end();
            String returnType = method.group(1).trim();
            returnType = returnType.substring(returnType.lastIndexOf(' ') + 1);
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = prefix + "." + (withName.find() ? withName.group(1) : kebab(method.group(2)));
            if (bodies.containsKey(returnType)) {
                collect(bodies, returnType, name, keys, depth + 1);
            } else {
                keys.add(new Key(name, annotations.contains("@WithDefault"), returnType.startsWith("Optional")
                        || method.group(1).contains("Optional<")));
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
}
