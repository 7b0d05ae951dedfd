package io.nexusconnect.sims.common.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;

/** The Vert.x plumbing every simulator shares: a small event loop (tests run many simulators) and a blocking listen. */
public final class SimServer {
    private SimServer() {
    }

    /** Two event loops, two workers, no file cache: a simulator is one of many processes on a test machine. */
    public static Vertx vertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    }

    /** Listens and returns once the port accepts connections; on failure closes {@code vertx} and throws. */
    public static HttpServer listen(Vertx vertx, Router router, String host, int port, String simulatorName) {
        try {
            return vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException(simulatorName + " could not listen on " + host + ":" + port, e);
        }
    }

    /** Closes {@code vertx} and waits for it. */
    public static void close(Vertx vertx, String simulatorName) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(simulatorName + " did not stop cleanly", e);
        }
    }
}
