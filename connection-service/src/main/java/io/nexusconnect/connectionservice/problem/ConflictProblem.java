package io.nexusconnect.connectionservice.problem;

/** The request clashes with an existing resource of the caller's tenant (409). */
public class ConflictProblem extends RuntimeException {
    public ConflictProblem(String detail) {
        super(detail);
    }
}
