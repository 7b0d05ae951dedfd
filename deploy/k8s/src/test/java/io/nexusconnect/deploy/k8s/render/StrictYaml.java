package io.nexusconnect.deploy.k8s.render;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Multi-document YAML where a duplicate key is an error, not a silent "last one wins". */
public final class StrictYaml {
    private StrictYaml() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parseAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a manifest must be a mapping, got " + document.getClass().getSimpleName());
            }
            documents.add((Map<String, Object>) map);
        }
        return documents;
    }
}
