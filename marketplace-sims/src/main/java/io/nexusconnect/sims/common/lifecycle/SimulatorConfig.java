package io.nexusconnect.sims.common.lifecycle;

/** What every simulator's configuration names: where it listens ({@code port} 0 = a free port). */
public interface SimulatorConfig {

    String host();

    int port();
}
