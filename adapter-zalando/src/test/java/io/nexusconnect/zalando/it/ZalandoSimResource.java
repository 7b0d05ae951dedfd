package io.nexusconnect.zalando.it;

import io.nexusconnect.adapterkit.testkit.BenchRun;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The zDirect simulator of marketplace-sims in the test JVM with 450 unexported orders (several pages) and roomy
 * quotas so the tests are about behaviour, not waiting; the benchmark keeps the documented quotas.
 */
public class ZalandoSimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = BenchRun.size("zalando.sim.orders", 450, 200);
    static final boolean DOCUMENTED_LIMITS = Boolean.getBoolean("zalando.sim.documented-limits");
    private ZalandoSimulator sim;

    @Override
    public Map<String, String> start() {
        ZalandoSimConfig simConfig = ZalandoSimConfig.defaults().withData(ORDERS, 17);
        sim = ZalandoSimulator.start(DOCUMENTED_LIMITS ? simConfig
                : simConfig.withLimits(100_000, 100_000, 100_000, 1_000_000));
        Map<String, String> config = new HashMap<>();
        config.put("nexus.apis.zalando.base-url", sim.baseUrl());
        config.put("nexus.apis.zalando-token.base-url", sim.baseUrl() + "/auth/token");
        config.put("nexus.apis.zalando.max-attempts", "3");
        if (!DOCUMENTED_LIMITS) {
            config.put("nexus.apis.zalando.speed-factor", "50");
            config.put("nexus.zalando.orders.page-size", "100");
            config.put("nexus.zalando.stock.batch-size", "5");
            for (String op : new String[]{"getOrders", "patchOrder", "postStocks", "authMe"}) {
                config.put("nexus.apis.zalando.limits." + op + ".rate", "1000");
                config.put("nexus.apis.zalando.limits." + op + ".burst", "1000");
            }
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(ZalandoSimulator.class));
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }
}
