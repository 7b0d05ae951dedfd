package io.nexusconnect.local.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Files holding secrets: created once, readable by the owner only (0600, directories 0700). */
final class SecretFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** The content of {@code file}; made by {@code generate} and written with 0600 when it does not exist yet. */
    static String readOrCreate(Path file, Supplier<String> generate) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // written under a temporary name and moved, so a crash never leaves a half-written key behind
            Path temporary = Files.createTempFile(dir, ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String content = generate.get();
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** Replaces {@code file} with {@code content}, owner-only from the first byte on. */
    static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(dir, ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String randomBase64(int bytes) {
        byte[] material = new byte[bytes];
        RANDOM.nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }

    static String randomToken(int bytes) {
        byte[] material = new byte[bytes];
        RANDOM.nextBytes(material);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(material);
    }
}
