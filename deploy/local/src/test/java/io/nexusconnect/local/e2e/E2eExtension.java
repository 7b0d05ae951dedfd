package io.nexusconnect.local.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Hands the one {@link E2eStack} of the test JVM to test methods (started on first use, closed by JUnit after the
 * last test) and, when a test fails, prints where the services' logs are. A stack that failed to start is not tried
 * again by the next test class: the first failure (with the end of the service's log) is the one worth reading.
 */
public final class E2eExtension implements ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(E2eExtension.class);

    private record StartFailure(RuntimeException cause) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == E2eStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(E2eStack.class, key -> {
            try {
                return E2eStack.start();
            } catch (RuntimeException e) {
                return new StartFailure(e);
            }
        }, Object.class);
        if (started instanceof StartFailure failure) {
            throw new IllegalStateException("the end-to-end stack did not start", failure.cause());
        }
        return started;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (context.getRoot().getStore(NAMESPACE).get(E2eStack.class) instanceof E2eStack stack) {
            System.err.println("e2e test failed: " + context.getDisplayName() + "\n" + stack.describe());
        }
    }
}
