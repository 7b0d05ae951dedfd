package io.nexusconnect.testinfra;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-JVM broker logs every partition and metadata change at INFO: thousands of lines per test JVM that bury the
 * test output CI shows. Its categories are turned down to WARN before it starts; warnings and errors still show.
 */
final class QuietInfraLogs {
    static final List<String> CATEGORIES = List.of("kafka", "state.change.logger", "org.apache.kafka", "io.zonky");

    /** JUL holds loggers weakly; a collected logger would come back at its default level. */
    private static final List<Logger> HELD = CATEGORIES.stream().map(Logger::getLogger).toList();

    private QuietInfraLogs() {
    }

    static void apply() {
        HELD.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
