package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old or the new content, never half of it: the text goes
 * to a temporary file in the same directory, which is then renamed over the target. An existing file's
 * POSIX permissions are kept.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes to a temporary file beside the target, then renames it over the target. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Set<PosixFilePermission> permissions = null;
        UserPrincipal owner = null;
        if (Files.exists(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            permissions = Files.getPosixFilePermissions(target);
            owner = Files.getOwner(target);
        }
        Path tmp = temporaryBeside(target, dir);
        boolean moved = false;
        try {
            Files.write(tmp, content);
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            if (owner != null && !owner.equals(Files.getOwner(tmp))) {
                try {
                    Files.setOwner(tmp, owner); // only root may give a file away; otherwise the owner is us anyway
                } catch (IOException e) {
                    // keep our own ownership rather than fail the write
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The name of a temporary file this class writes beside {@code name}, as an interrupted run may leave it. */
    public static boolean isLeftover(String name) {
        // asked for every file of the walk: the regular expression only for the rare names that can match
        return name.startsWith(".")
                && name.endsWith("tmp")
                && LEFTOVER.matcher(name).matches();
    }

    private static final Pattern LEFTOVER =
            Pattern.compile("\\..+\\.(?:ya?ml|Kustomization)\\.(?:oci-tmp|[0-9]+\\.tmp)");

    /** A new, empty file next to the target: a fixed name when free, else a random one. */
    private static Path temporaryBeside(Path target, Path dir) throws IOException {
        Path fixed = dir.resolve("." + target.getFileName() + ".oci-tmp");
        try {
            return Files.createFile(fixed);
        } catch (FileAlreadyExistsException e) {
            return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        }
    }
}
