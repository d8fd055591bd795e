package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Ant-style path patterns ({@code **}, {@code *}, {@code ?}) as Maven users write them in includes/excludes. */
public final class GlobMatcher {

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Pattern> directoryPrunes = new ArrayList<>();

    public GlobMatcher(List<String> globs) {
        for (String glob : globs) {
            String g = glob.trim().replace('\\', '/');
            if (g.isEmpty()) {
                continue;
            }
            if (g.endsWith("/")) {
                g = g + "**";
            }
            patterns.add(toRegex(g));
            if (g.endsWith("/**")) {
                directoryPrunes.add(toRegex(g.substring(0, g.length() - 3)));
            }
        }
    }

    /** True when a relative file path ({@code /}-separated) matches any pattern. */
    public boolean matches(String relativePath) {
        for (Pattern p : patterns) {
            if (p.matcher(relativePath).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True when everything below a directory is matched (so a walk can skip it). */
    public boolean matchesWholeDirectory(String relativeDir) {
        for (Pattern p : directoryPrunes) {
            if (p.matcher(relativeDir).matches()) {
                return true;
            }
        }
        return false;
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
