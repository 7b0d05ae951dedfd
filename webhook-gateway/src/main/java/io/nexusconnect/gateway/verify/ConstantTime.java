package io.nexusconnect.gateway.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Comparisons whose time does not depend on where two values differ, so a secret cannot be guessed byte by byte. */
final class ConstantTime {
    private ConstantTime() {
    }

    static boolean equal(byte[] expected, byte[] actual) {
        return expected != null && actual != null && MessageDigest.isEqual(expected, actual);
    }

    static boolean equal(String expected, String actual) {
        return expected != null && actual != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code actual} equals any of the candidates; all of them are compared, whichever matches. */
    static boolean equalsAny(List<byte[]> candidates, byte[] actual) {
        boolean match = false;
        for (byte[] candidate : candidates) {
            match |= equal(candidate, actual);
        }
        return match;
    }
}
