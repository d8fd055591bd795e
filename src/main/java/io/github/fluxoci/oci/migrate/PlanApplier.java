package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import io.github.fluxoci.oci.tree.AtomicFiles;

/**
 * Writes a complete plan: every target is checked first (inside the root, not a link, unchanged since it was
 * read), then each file is written atomically; if a write fails, the files already written are put back as
 * they were and new files are removed.
 */
public final class PlanApplier {

    private PlanApplier() {
    }

    /** Thrown when the plan cannot be applied; nothing was changed (or everything was restored). */
    public static final class ApplyException extends IOException {
        public ApplyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void apply(Path root, List<FileChange> changes) throws ApplyException {
        Path base = root.toAbsolutePath().normalize();
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            throw new ApplyException("cannot resolve " + base + ": " + e.getMessage(), e);
        }
        List<Path> targets = new ArrayList<>();
        Map<Path, Boolean> insideByParent = new HashMap<>();
        for (FileChange c : changes) {
            Path target = base.resolve(c.path()).normalize();
            if (!target.startsWith(base)) {
                throw new ApplyException(c.path() + " is outside " + base + "; nothing was written", null);
            }
            try {
                Boolean inside = insideByParent.get(target.getParent());
                if (inside == null) {
                    inside = target.getParent().toRealPath().startsWith(realBase);
                    insideByParent.put(target.getParent(), inside);
                }
                if (!inside || Files.isSymbolicLink(target)) {
                    throw new ApplyException(c.path() + " leads out of " + base + " through a link; nothing was written", null);
                }
                boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                if (c.isNew() && exists) {
                    throw new ApplyException(c.path() + " appeared since the tree was read; nothing was written", null);
                }
                if (!c.isNew() && (!exists || !Files.readString(target, StandardCharsets.UTF_8).equals(c.before()))) {
                    throw new ApplyException(c.path() + " changed since the tree was read; run again", null);
                }
            } catch (ApplyException e) {
                throw e;
            } catch (IOException e) {
                throw new ApplyException("cannot check " + c.path() + ": " + e.getMessage() + "; nothing was written", e);
            }
            targets.add(target);
        }
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            FileChange c = changes.get(i);
            try {
                if (c.isDeletion()) {
                    Files.delete(targets.get(i));
                } else {
                    AtomicFiles.write(targets.get(i), c.after());
                }
                done.add(i);
            } catch (IOException e) {
                List<String> notRestored = restore(changes, targets, done);
                throw new ApplyException("cannot write " + c.path() + ": " + e.getMessage() + "; "
                        + (notRestored.isEmpty() ? "the files already written were restored"
                        : "could not restore " + notRestored), e);
            }
        }
    }

    private static List<String> restore(List<FileChange> changes, List<Path> targets, List<Integer> done) {
        List<String> failed = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            int index = done.get(i);
            FileChange c = changes.get(index);
            try {
                if (c.isNew()) {
                    Files.deleteIfExists(targets.get(index));
                } else {
                    AtomicFiles.write(targets.get(index), c.before());
                }
            } catch (IOException e) {
                failed.add(c.path());
            }
        }
        return failed;
    }
}
