package io.nexusconnect.faults;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Hands the one {@link FaultStack} of the test JVM to the scenarios (started on first use, closed by JUnit after the
 * last one) and prints where the logs are when a scenario fails. A stack that failed to start is not tried again.
 */
public final class FaultStackExtension implements ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultStackExtension.class);

    private record StartFailure(RuntimeException cause) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(FaultStack.class, key -> {
            try {
                return FaultStack.start();
            } catch (RuntimeException e) {
                return new StartFailure(e);
            }
        }, Object.class);
        if (started instanceof StartFailure failure) {
            throw new IllegalStateException("the fault stack did not start", failure.cause());
        }
        return started;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (context.getRoot().getStore(NAMESPACE).get(FaultStack.class) instanceof FaultStack stack) {
            System.err.println("fault scenario failed: " + context.getDisplayName() + "\n" + stack.describe());
        }
    }
}
