/**
 * End-to-end tests of issue #2: the three services run as processes from their {@code quarkus-app} jars (the reactor
 * packages them before this module), against test-infra's Kafka and PostgreSQL and the Amazon simulator in the test
 * JVM. One stack per test JVM ({@link io.nexusconnect.local.e2e.E2eStack}), shared by the test classes, which never
 * run at the same time (the simulator's faults are global). The services' logs are under
 * {@code deploy/local/target/e2e/run-<millis>/logs/}; a failing test prints the path.
 *
 * <p>Only a service's REST API and the topics are looked at, never its database: what a platform team or a
 * downstream consumer can see is what is asserted.
 */
package io.nexusconnect.local.e2e;
