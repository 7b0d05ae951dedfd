package io.nexusconnect.connectionservice.problem;

/** A dependency did not answer in the bounded time (504): e.g. no adapter answered a connection test. */
public class TimeoutProblem extends RuntimeException {
    public TimeoutProblem(String detail) {
        super(detail);
    }
}
