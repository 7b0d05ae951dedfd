package io.nexusconnect.testinfra;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs code that reads the application's configuration ({@code ConfigProvider.getConfig()}) against a configuration
 * of given environment variables. It is registered for a class loader of its own, set as the thread's context class
 * loader for the run, so a Quarkus app running in the same JVM keeps its configuration.
 */
public final class IsolatedConfig {
    private IsolatedConfig() {
    }

    public static <T> T withEnvironment(Map<String, String> environment, Supplier<T> code) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(environment, 300)).build();
        try (URLClassLoader isolated = new URLClassLoader(new URL[0], original)) {
            resolver.registerConfig(config, isolated);
            thread.setContextClassLoader(isolated);
            try {
                return code.get();
            } finally {
                thread.setContextClassLoader(original);
                resolver.releaseConfig(config);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
