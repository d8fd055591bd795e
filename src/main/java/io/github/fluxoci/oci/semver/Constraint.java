package io.github.fluxoci.oci.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as Masterminds semver v3 reads it ({@code NewConstraint}/{@code Check}): what Flux evaluates for
 * an OCIRepository's {@code ref.semver} and Helm for a HelmRelease's {@code spec.chart.spec.version}.
 *
 * <p>Syntax: groups joined by {@code ||}; inside a group, constraints joined by spaces or commas, all of which must
 * hold; operators {@code = != > < >= => <= =< ~ ~> ^} or none (equal, or tilde when the version has a wildcard);
 * wildcards {@code x X *} and missing parts ({@code 1.2}); hyphen ranges {@code 1.2 - 3.4} (inclusive). A version
 * with a pre-release part satisfies a group only when some bound in that group has one. Where Masterminds differs
 * from npm (tilde and caret reach pre-releases of later patches; {@code !=4.1} excludes all of 4.1.x), this class
 * follows Masterminds, because Flux does.
 *
 * <p>The patterns are Masterminds' own, with Go's {@code \s} ({@code [\t\n\f\r ]}) spelled out.
 */
public final class Constraint {

    private static final String S = "[\\t\\n\\f\\r ]";
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";

    private static final Pattern ONE = Pattern.compile(S + "*(" + OPS + ")" + S + "*(" + CV + ")" + S + "*");
    private static final Pattern HYPHEN_RANGE =
            Pattern.compile(S + "*(" + CV + ")" + S + "+-" + S + "+(" + CV + ")" + S + "*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")" + S + "*(" + CV + ")");
    /** One bound at the start of the remaining text: Masterminds' {@code validConstraintRegex} is a sequence of these. */
    private static final Pattern BOUND = Pattern.compile("(" + OPS + ")" + S + "*(" + CV + ")");

    /**
     * Longer text is refused rather than matched: Java's backtracking matcher is polynomial on these patterns where
     * Go's is linear, and real ranges are a few dozen characters.
     */
    static final int MAX_LENGTH = 1000;

    /**
     * Runs of whitespace become one space before matching. Exact, because whitespace only ever meets {@code \s*} and
     * {@code \s+} in these patterns, never two {@code \s+} side by side; and it removes the backtracking over how a
     * long run is shared between neighbouring quantifiers.
     */
    private static final Pattern WHITESPACE = Pattern.compile(S + "+");

    private final String text;
    private final List<List<Bound>> groups;
    private final List<Boolean> groupAllowsPreRelease;

    private Constraint(String text, List<List<Bound>> groups, List<Boolean> groupAllowsPreRelease) {
        this.text = text;
        this.groups = groups;
        this.groupAllowsPreRelease = groupAllowsPreRelease;
    }

    /** Thrown for text Masterminds rejects; the message is the reason, in Masterminds' words. */
    public static final class InvalidConstraintException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConstraintException(String message) {
            super(message);
        }
    }

    /** Masterminds {@code NewConstraint}. */
    public static Constraint parse(String text) throws InvalidConstraintException {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidConstraintException("longer than " + MAX_LENGTH
                    + " characters, which this plugin does not read" + " as a range; shorten it");
        }
        String rewritten = rewriteHyphenRanges(WHITESPACE.matcher(text).replaceAll(" "));
        List<List<Bound>> groups = new ArrayList<>();
        List<Boolean> allowsPre = new ArrayList<>();
        for (String group : rewritten.split("\\|\\|", -1)) {
            if (!isGroup(group)) {
                throw new InvalidConstraintException("improper constraint: \"" + group + "\"");
            }
            List<Bound> bounds = new ArrayList<>();
            Matcher found = FIND.matcher(group);
            while (found.find()) {
                bounds.add(Bound.parse(found.group()));
            }
            groups.add(bounds);
            allowsPre.add(bounds.stream().anyMatch(b -> b.version.isPreRelease()));
        }
        return new Constraint(text, groups, allowsPre);
    }

    /**
     * Masterminds' {@code validConstraintRegex}
     * ({@code ^(\s*OP\s*CV\s*)((?:\s+|,\s*)OP\s*CV\s*)*$}), matched one bound at a time: Java's matcher recurses
     * for every repetition of a group, which overflows the stack on a few hundred bounds. Equivalent, because a
     * bound holds no whitespace or comma except between operator and version, so the greedy match of one bound is
     * the only one that a separator or the end can follow.
     */
    private static boolean isGroup(String group) {
        Matcher bound = BOUND.matcher(group);
        int pos = skipWhitespace(group, 0);
        while (true) {
            bound.region(pos, group.length());
            if (!bound.lookingAt()) {
                return false;
            }
            int end = bound.end();
            pos = skipWhitespace(group, end);
            if (pos == group.length()) {
                return true;
            }
            if (group.charAt(pos) == ',') {
                pos = skipWhitespace(group, pos + 1);
            } else if (pos == end) {
                return false;
            }
        }
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && "\t\n\f\r ".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** True when Masterminds would accept the text as a range. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** Why Masterminds rejects the text (its words), or empty when it is a range. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (InvalidConstraintException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Masterminds {@code Check}: some group has every one of its bounds satisfied. */
    public boolean isSatisfiedBy(Version v) {
        for (int i = 0; i < groups.size(); i++) {
            boolean pre = groupAllowsPreRelease.get(i);
            if (groups.get(i).stream().allMatch(b -> b.test(v, pre))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** {@code 1.2 - 3.4} becomes {@code >= 1.2, <= 3.4 }, each occurrence in turn (Masterminds' {@code rewriteRange}). */
    static String rewriteHyphenRanges(String text) {
        Matcher m = HYPHEN_RANGE.matcher(text);
        List<String[]> ranges = new ArrayList<>();
        while (m.find()) {
            ranges.add(new String[] {m.group(), ">= " + m.group(1) + ", <= " + m.group(11) + " "});
        }
        String out = text;
        for (String[] r : ranges) {
            int at = out.indexOf(r[0]);
            out = out.substring(0, at) + r[1] + out.substring(at + r[0].length());
        }
        return out;
    }

    /** One operator and version, with the wildcard state Masterminds keeps ({@code dirty}, {@code minorDirty}, ...). */
    private record Bound(String op, Version version, boolean dirty, boolean minorDirty, boolean patchDirty) {

        static Bound parse(String text) throws InvalidConstraintException {
            Matcher m = ONE.matcher(text);
            if (!m.matches()) {
                throw new InvalidConstraintException("improper constraint: \"" + text + "\"");
            }
            String major = m.group(3);
            String minor = m.group(4) == null ? "" : m.group(4);
            String patch = m.group(5) == null ? "" : m.group(5);
            String pre = m.group(6) == null ? "" : m.group(6);
            String ver = m.group(2);
            boolean dirty = false;
            boolean minorDirty = false;
            boolean patchDirty = false;
            if (isX(major)) {
                ver = "0.0.0" + pre;
                dirty = true;
            } else if (minor.isEmpty() || isX(minor.substring(1))) {
                ver = major + ".0.0" + pre;
                dirty = true;
                minorDirty = true;
            } else if (patch.isEmpty() || isX(patch.substring(1))) {
                ver = major + minor + ".0" + pre;
                dirty = true;
                patchDirty = true;
            }
            Version version = Version.parse(ver)
                    .orElseThrow(() -> new InvalidConstraintException("improper constraint: \"" + text.strip() + "\""));
            return new Bound(m.group(1), version, dirty, minorDirty, patchDirty);
        }

        private static boolean isX(String part) {
            return part.equals("x") || part.equals("X") || part.equals("*");
        }

        boolean test(Version v, boolean includePre) {
            if (v.isPreRelease() && !includePre) {
                return false;
            }
            return switch (op) {
                case "", "=" -> dirty ? tilde(v) : v.samePrecedence(version);
                case "!=" -> notEqual(v);
                case ">" -> greaterThan(v);
                case "<" -> v.compareTo(version) < 0;
                case ">=", "=>" -> v.compareTo(version) >= 0;
                case "<=", "=<" -> lessThanOrEqual(v);
                case "~", "~>" -> tilde(v);
                case "^" -> caret(v);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        private boolean notEqual(Version v) {
            if (dirty) {
                if (version.major() != v.major()) {
                    return true;
                }
                if (version.minor() != v.minor() && !minorDirty) {
                    return true;
                } else if (minorDirty) {
                    return false;
                } else if (version.patch() != v.patch() && !patchDirty) {
                    return true;
                } else if (patchDirty) {
                    if (v.isPreRelease() || version.isPreRelease()) {
                        return Version.comparePreRelease(v.preRelease(), version.preRelease()) != 0;
                    }
                    return false;
                }
            }
            return !v.samePrecedence(version);
        }

        private boolean greaterThan(Version v) {
            if (!dirty) {
                return v.compareTo(version) > 0;
            }
            int major = Long.compareUnsigned(v.major(), version.major());
            if (major != 0) {
                return major > 0;
            } else if (minorDirty) {
                return false;
            } else if (patchDirty) {
                return Long.compareUnsigned(v.minor(), version.minor()) > 0;
            }
            return v.compareTo(version) > 0;
        }

        private boolean lessThanOrEqual(Version v) {
            if (!dirty) {
                return v.compareTo(version) <= 0;
            }
            if (Long.compareUnsigned(v.major(), version.major()) > 0) {
                return false;
            }
            return !(v.major() == version.major()
                    && Long.compareUnsigned(v.minor(), version.minor()) > 0
                    && !minorDirty);
        }

        private boolean tilde(Version v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() == 0 && version.minor() == 0 && version.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != version.major()) {
                return false;
            }
            return v.minor() == version.minor() || minorDirty;
        }

        private boolean caret(Version v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() != 0 || minorDirty) {
                return v.major() == version.major();
            }
            if (v.major() != 0) {
                return false;
            }
            if (version.minor() != 0 || patchDirty) {
                return v.minor() == version.minor();
            }
            if (v.minor() != 0) {
                return false;
            }
            return version.patch() == v.patch();
        }
    }
}
