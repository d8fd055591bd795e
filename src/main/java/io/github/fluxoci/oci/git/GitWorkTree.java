package io.github.fluxoci.oci.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git work tree a folder belongs to, asked of the {@code git} command: its top level, and which files have
 * changes not committed (modified, staged, untracked). Without git, or outside a work tree, there is none: callers
 * then work as they would without version control.
 */
public final class GitWorkTree {

    private final Path top;

    private GitWorkTree(Path top) {
        this.top = top;
    }

    /** The work tree holding {@code folder}, or empty (no git command, not in a work tree, git failed). */
    public static Optional<GitWorkTree> of(Path folder) {
        return run(folder, List.of("rev-parse", "--show-toplevel"))
                .map(out -> out.strip())
                .filter(s -> !s.isEmpty())
                .map(s -> new GitWorkTree(Path.of(s).toAbsolutePath().normalize()));
    }

    /** The top level of the work tree. */
    public Path top() {
        return top;
    }

    /**
     * Of the given files (absolute, or relative to the top level), those with uncommitted changes: modified,
     * staged, deleted or untracked. Files that do not exist and are not tracked are not listed. Paths in the answer
     * are relative to the top level, with {@code /}.
     */
    public List<String> uncommitted(Collection<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        if (files.isEmpty()) {
            return out;
        }
        List<String> args = new ArrayList<>(List.of("status", "--porcelain=v1", "-z", "--untracked-files=all", "--"));
        for (Path f : files) {
            args.add(top.relativize(top.resolve(f).toAbsolutePath().normalize()).toString());
        }
        String answer = run(top, args).orElseThrow(() -> new IOException("git status failed in " + top));
        String[] entries = answer.split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() > 3) {
                out.add(entry.substring(3).replace('\\', '/'));
                if (entry.charAt(0) == 'R' || entry.charAt(0) == 'C') {
                    i++; // a rename or copy is followed by its source path
                }
            }
        }
        return out;
    }

    /** True when git ignores the path (a build output folder, say): it is not part of the repository. */
    public boolean ignores(Path path) {
        return run(top, List.of("check-ignore", "-q", relative(path))).isPresent();
    }

    /** A path relative to the top level, with {@code /}. */
    public String relative(Path file) {
        return top.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static Optional<String> run(Path dir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
