package io.nexusconnect.connectionservice.problem;

/** The resource does not exist for the caller's tenant (whether it exists for another is not told). */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String detail) {
        super(detail);
    }
}
