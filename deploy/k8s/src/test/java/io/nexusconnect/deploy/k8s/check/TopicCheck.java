package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.Topics.TopicSpec;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import io.nexusconnect.orchestrator.stock.StockTopics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** KafkaTopics ↔ the topics the code creates: every one present with its partitions and configs, none unused. */
public final class TopicCheck {
    private TopicCheck() {
    }

    /**
     * contracts' {@link Topics#all()} and the orchestrator's private stock fan-out topics (StockTopicsAdmin creates
     * them; the orchestrator dead-letters what it reads from the changes topic).
     */
    public static Map<String, TopicSpec> expected() {
        Map<String, TopicSpec> specs = new LinkedHashMap<>();
        Topics.all().forEach(spec -> specs.put(spec.name(), spec));
        specs.put(StockTopics.CHANGES, new TopicSpec(StockTopics.CHANGES, StockTopics.PARTITIONS, false));
        specs.put(StockTopics.STATE, new TopicSpec(StockTopics.STATE, StockTopics.PARTITIONS, true));
        specs.put(Topics.dlq(StockTopics.CHANGES), new TopicSpec(Topics.dlq(StockTopics.CHANGES), 1, false));
        return specs;
    }

    public static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Manifest> topics = new LinkedHashMap<>();
        for (Manifest topic : manifests.ofKind("KafkaTopic")) {
            topics.put(topic.string("spec.topicName").orElse(topic.name()), topic);
        }
        expected().forEach((name, spec) -> {
            Manifest topic = topics.get(name);
            if (topic == null) {
                problems.add("topic " + name + " (created by the code) has no KafkaTopic");
                return;
            }
            int partitions = topic.get("spec.partitions").map(v -> ((Number) v).intValue()).orElse(-1);
            if (partitions != spec.partitions()) {
                problems.add(topic.id() + ": " + partitions + " partitions, the code creates " + spec.partitions());
            }
            Map<String, String> config = topic.stringMap("spec.config");
            if (!Objects.equals(config, spec.configs())) {
                problems.add(topic.id() + ": config " + config + ", the code creates " + spec.configs());
            }
        });
        topics.forEach((name, topic) -> {
            if (!expected().containsKey(name)) {
                problems.add(topic.id() + ": no service uses topic " + name);
            }
        });
        List<String> clusters = manifests.ofKind("Kafka").stream().map(Manifest::name).toList();
        for (Manifest owned : manifests.all()) {
            if ((owned.kind().equals("KafkaTopic") || owned.kind().equals("KafkaUser") || owned.kind().equals("KafkaNodePool"))
                    && !clusters.isEmpty() && !clusters.contains(owned.labels().getOrDefault("strimzi.io/cluster", ""))) {
                problems.add(owned.id() + ": label strimzi.io/cluster names no Kafka of " + clusters);
            }
        }
        return problems;
    }
}
