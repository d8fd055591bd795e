package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Ant-style path patterns ({@code **}, {@code *}, {@code ?}) as Maven users write them in includes/excludes. The
 * shapes nearly everyone uses are checked with plain string tests ({@code **}{@code /*.yaml}: the path ends with
 * {@code .yaml}; {@code **}{@code /target/**}: a {@code target} folder on the path), the rest with a regular
 * expression; both give the same answers ({@code GlobMatcherTest} compares them on generated paths). A cold run
 * matches every file and folder once, so this is on the hot path (issue #13).
 */
public final class GlobMatcher {

    private final List<Predicate<String>> patterns = new ArrayList<>();
    private final List<Predicate<String>> directoryPrunes = new ArrayList<>();

    public GlobMatcher(List<String> globs) {
        for (String glob : globs) {
            String g = glob.trim().replace('\\', '/');
            if (g.isEmpty()) {
                continue;
            }
            if (g.endsWith("/")) {
                g = g + "**";
            }
            patterns.add(compile(g));
            if (g.endsWith("/**")) {
                directoryPrunes.add(compile(g.substring(0, g.length() - 3)));
            }
        }
    }

    /** True when a relative file path ({@code /}-separated) matches any pattern. */
    public boolean matches(String relativePath) {
        for (Predicate<String> p : patterns) {
            if (p.test(relativePath)) {
                return true;
            }
        }
        return false;
    }

    /** True when everything below a directory is matched (so a walk can skip it). */
    public boolean matchesWholeDirectory(String relativeDir) {
        for (Predicate<String> p : directoryPrunes) {
            if (p.test(relativeDir)) {
                return true;
            }
        }
        return false;
    }

    /** A glob as a test: a plain string check for the common shapes, else its regular expression. */
    static Predicate<String> compile(String glob) {
        if (glob.startsWith("**/*.") && isLiteral(glob.substring(5))) {
            String suffix = glob.substring(4); // "**/*.yaml": the last segment ends with ".yaml"
            return path -> path.endsWith(suffix);
        }
        if (glob.startsWith("**/")
                && glob.endsWith("/**")
                && glob.length() > 6
                && isLiteral(glob.substring(3, glob.length() - 3))) {
            String name = glob.substring(3, glob.length() - 3); // "**/target/**": a folder "target" on the path
            String start = name + "/";
            String inner = "/" + name + "/";
            return path -> path.startsWith(start) || path.contains(inner);
        }
        if (glob.startsWith("**/") && isLiteral(glob.substring(3))) {
            String name = glob.substring(3); // "**/target": the path is or ends in "target"
            String end = "/" + name;
            return path -> path.equals(name) || path.endsWith(end);
        }
        Pattern regex = toRegex(glob);
        return path -> regex.matcher(path).matches();
    }

    /** No wildcard and no folder separator: matched as written. */
    private static boolean isLiteral(String s) {
        return !s.isEmpty() && s.indexOf('*') < 0 && s.indexOf('?') < 0 && s.indexOf('/') < 0;
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (c == '*' && glob.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }
}
