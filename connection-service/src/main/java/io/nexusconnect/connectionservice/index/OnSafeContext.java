package io.nexusconnect.connectionservice.index;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a Hibernate Reactive unit of work from a plain (scheduler) thread and waits for it: on a fresh, safe Vert.x
 * context, which the reactive session requires, and one per call, so steps of a sweep never share a session.
 */
final class OnSafeContext {
    private OnSafeContext() {
    }

    static <T> T await(Supplier<Uni<T>> work, Duration timeout) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(timeout).fail());
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
