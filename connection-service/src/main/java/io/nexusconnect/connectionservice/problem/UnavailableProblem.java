package io.nexusconnect.connectionservice.problem;

/** A dependency cannot be reached right now (503); the request can be repeated. */
public class UnavailableProblem extends RuntimeException {
    public UnavailableProblem(String detail) {
        super(detail);
    }
}
