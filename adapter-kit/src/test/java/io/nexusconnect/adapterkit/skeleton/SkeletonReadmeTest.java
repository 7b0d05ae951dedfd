package io.nexusconnect.adapterkit.skeleton;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's adapter skeleton is the code {@link SkeletonAdapterKafkaTest} runs, quoted exactly. */
class SkeletonReadmeTest {
    private static final Path SKELETON = Path.of("src/test/java/io/nexusconnect/adapterkit/skeleton");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ExampleApi.java", "ExampleSyncCycle.java", "ExampleStockWriter.java",
            "ExampleConnectionTester.java", "ExampleWebhookHandler.java"})
    @DisplayName("Each skeleton source file is quoted in the README without its package and import lines")
    void sourceQuoted(String file) throws IOException {
        String code = Files.readAllLines(SKELETON.resolve(file)).stream()
                .filter(line -> !line.startsWith("package ") && !line.startsWith("import "))
                .collect(Collectors.joining("\n")).replaceAll("\n{3,}", "\n\n").strip();
        assertThat(readme()).contains("```java\n" + code + "\n```");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"src/test/resources/skeleton/application.properties"})
    @DisplayName("The skeleton's application.properties is quoted in the README")
    void propertiesQuoted(String file) throws IOException {
        assertThat(readme()).contains("```properties\n" + Files.readString(Path.of(file)).strip() + "\n```");
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }
}
