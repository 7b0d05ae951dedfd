package io.nexusconnect.faults;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A few clients calling in a loop, each waiting for its answer before the next call (as a marketplace's delivery
 * workers do), until stopped. Every answer is kept, in the order it arrived.
 */
final class Senders<T> implements AutoCloseable {
    /** One call of client {@code client}, its {@code n}-th. */
    interface Call<T> {
        T call(int client, int n);
    }

    private final ConcurrentLinkedQueue<T> answers = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private volatile boolean running = true;

    private Senders(int count, Call<T> call) {
        clients = Executors.newFixedThreadPool(count);
        for (int c = 0; c < count; c++) {
            int client = c;
            clients.execute(() -> {
                for (int n = 0; running; n++) {
                    answers.add(call.call(client, n));
                }
            });
        }
    }

    static <T> Senders<T> start(int count, Call<T> call) {
        return new Senders<>(count, call);
    }

    long count(Predicate<T> matching) {
        return answers.stream().filter(matching).count();
    }

    /** Stops the loops and waits for the calls in progress to be answered; every answer so far. */
    List<T> stop() {
        running = false;
        clients.shutdown();
        try {
            if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("calls still unanswered a minute after the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        running = false;
        clients.shutdownNow();
    }
}
