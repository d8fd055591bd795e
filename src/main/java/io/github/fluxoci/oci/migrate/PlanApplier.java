package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import io.github.fluxoci.oci.tree.AtomicFiles;

/**
 * Writes a complete plan: every target is checked first (inside the root, not a link, unchanged since it was
 * read), then each file is written atomically; if a write fails, the files already written are put back as
 * they were and new files are removed.
 */
public final class PlanApplier {

    private PlanApplier() {}

    /** Thrown when the plan cannot be applied; nothing was changed (or everything was restored). */
    public static final class ApplyException extends IOException {
        public ApplyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes the steps in order (see {@link MigrationPlan#writes()}). Everything is checked first: every path stays
     * inside the root (no {@code ../}, no link out), a new file does not exist yet, a changed file is exactly the text
     * the plan was made from and has a single hard link. Right before each write the file is compared again with the
     * text the step starts from: a file edited meanwhile stops the run, the files already written are restored, and
     * the message names it.
     */
    public static void apply(Path root, List<FileChange> changes) throws ApplyException {
        apply(root, changes, i -> {});
    }

    /** {@link #apply(Path, List)}, calling {@code afterWrite} with the number of steps written after each one. */
    public static void apply(Path root, List<FileChange> changes, IntConsumer afterWrite) throws ApplyException {
        Path base = root.toAbsolutePath().normalize();
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            throw new ApplyException("cannot resolve " + base + ": " + e.getMessage(), e);
        }
        List<Path> targets = checked(base, realBase, changes);
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            FileChange c = changes.get(i);
            Path target = targets.get(i);
            try {
                if (!unchangedSincePlanned(target, c)) {
                    List<String> notRestored = restore(changes, targets, done);
                    throw new ApplyException(
                            c.path() + " was changed by something else while oci:migrate was writing; "
                                    + (notRestored.isEmpty()
                                            ? "the files already written were restored"
                                            : "could not restore " + notRestored)
                                    + ": run oci:migrate again",
                            null);
                }
                if (c.isDeletion()) {
                    Files.delete(target);
                } else {
                    if (c.isNew()) {
                        Files.createDirectories(target.getParent());
                    }
                    AtomicFiles.write(target, c.after());
                }
                done.add(i);
            } catch (ApplyException e) {
                throw e;
            } catch (IOException e) {
                List<String> notRestored = restore(changes, targets, done);
                throw new ApplyException(
                        "cannot write " + c.path() + ": " + e.getMessage() + "; "
                                + (notRestored.isEmpty()
                                        ? "the files already written were restored"
                                        : "could not restore " + notRestored),
                        e);
            }
            afterWrite.accept(done.size());
        }
    }

    /** Every change's target, each checked once before anything is written; throws at the first that is unsafe. */
    private static List<Path> checked(Path base, Path realBase, List<FileChange> changes) throws ApplyException {
        List<Path> targets = new ArrayList<>();
        Map<Path, Boolean> insideByParent = new HashMap<>();
        Set<String> checked = new HashSet<>();
        for (FileChange c : changes) {
            Path target = base.resolve(c.path()).normalize();
            if (!target.startsWith(base)) {
                throw new ApplyException(c.path() + " is outside " + base + "; nothing was written", null);
            }
            targets.add(target);
            if (!checked.add(c.path())) {
                continue; // a later step of a file already checked
            }
            try {
                check(c, target, base, realBase, insideByParent);
            } catch (ApplyException e) {
                throw e;
            } catch (IOException e) {
                throw new ApplyException(
                        "cannot check " + c.path() + ": " + e.getMessage() + "; nothing was written", e);
            }
        }
        return targets;
    }

    /** A target inside the tree (no link out, no hard link) whose text is still what the plan was made from. */
    private static void check(FileChange c, Path target, Path base, Path realBase, Map<Path, Boolean> insideByParent)
            throws IOException, ApplyException {
        Path existingParent = target.getParent();
        while (c.isNew()
                && !Files.exists(existingParent, LinkOption.NOFOLLOW_LINKS)
                && existingParent.startsWith(base)) {
            existingParent = existingParent.getParent(); // a new folder (a shared component): checked where it starts
        }
        Boolean inside = insideByParent.get(existingParent);
        if (inside == null) {
            inside = existingParent.toRealPath().startsWith(realBase);
            insideByParent.put(existingParent, inside);
        }
        if (!inside || Files.isSymbolicLink(target)) {
            throw new ApplyException(c.path() + " leads out of " + base + " through a link; nothing was written", null);
        }
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (c.isNew() && exists) {
            throw new ApplyException(c.path() + " appeared since the tree was read; nothing was written", null);
        }
        if (!c.isNew()
                && (!exists || !Files.readString(target, StandardCharsets.UTF_8).equals(c.before()))) {
            throw new ApplyException(c.path() + " changed since the tree was read; run again", null);
        }
        int links = exists ? hardLinks(target) : 1;
        if (links > 1) {
            throw new ApplyException(
                    c.path() + " has " + links + " hard links: replacing it would separate them;"
                            + " nothing was written (make it a single file, or migrate that release by hand)",
                    null);
        }
    }

    /**
     * What to say when the run is stopped (Ctrl-C) after {@code written} of the {@code changes}: which file was the
     * last, that every file is whole, and how to finish or undo.
     */
    public static String interrupted(List<FileChange> changes, int written) {
        if (written >= changes.size()) {
            return null;
        }
        String last = written == 0
                ? "nothing was written yet"
                : "the last was " + changes.get(written - 1).path();
        return "oci:migrate was interrupted after writing " + written + " of " + changes.size() + " files (" + last
                + "). Each file is whole (written to a temporary file and renamed), and the files are written in an"
                + " order whose every prefix Flux can apply. Run the same command again to finish (it plans from what"
                + " is there now), or undo with git (git checkout -- . && git clean -n to see new files)";
    }

    /**
     * Temporary files that an interrupted run left beside the files it was replacing ({@code .name.yaml.oci-tmp});
     * removes them and says which.
     */
    public static List<String> removeLeftovers(Path root, List<String> leftovers) {
        List<String> out = new ArrayList<>();
        for (String rel : leftovers) {
            try {
                if (Files.deleteIfExists(root.resolve(rel))) {
                    out.add("removed " + rel + ", left by an interrupted oci:migrate");
                }
            } catch (IOException e) {
                out.add("could not remove " + rel + " (left by an interrupted oci:migrate): " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean unchangedSincePlanned(Path target, FileChange c) throws IOException {
        if (c.isNew()) {
            return !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        }
        return Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(target, StandardCharsets.UTF_8).equals(c.before());
    }

    private static int hardLinks(Path target) {
        try {
            return ((Number) Files.getAttribute(target, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
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
                    AtomicFiles.write(targets.get(index), c.before()); // steps are undone last first: back to the start
                }
            } catch (IOException e) {
                failed.add(c.path());
            }
        }
        return failed;
    }
}
