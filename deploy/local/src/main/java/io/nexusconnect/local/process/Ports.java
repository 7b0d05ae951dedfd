package io.nexusconnect.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Local TCP ports: the fixed ones of the local stack must be free, tests take random free ones. */
public final class Ports {
    private Ports() {
    }

    /** A port nothing listens on right now (the OS picks it; a short race with other programs is accepted). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** Whether {@code port} can be bound on the loopback address right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a readable message when {@code port} is taken, before a child process fails on it less clearly. */
    public static void requireFree(int port, String forWhat) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " (" + forWhat + ") is already in use: is another "
                    + "`./nexus local` running? Stop it, or free the port.");
        }
    }
}
