package io.github.fluxoci.oci.semver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A semantic version as Masterminds semver v3 (the library Flux and Helm use) reads it: three unsigned 64-bit
 * numbers, a pre-release and build metadata; ordered by SemVer 2 precedence (metadata ignored).
 *
 * <p>Two ways to read one: {@link #parse} is Masterminds' {@code NewVersion} (lenient: {@code v1}, {@code 1.2},
 * leading zeros), used for the bounds written in a range; {@link #parseTag} is Flux's {@code version.ParseVersion}
 * (a strict {@code MAJOR.MINOR.PATCH}, an optional leading {@code v}), which source-controller applies to each OCI
 * tag before it checks it against {@code ref.semver}.
 */
public record Version(long major, long minor, long patch, String preRelease, String metadata, String original)
        implements Comparable<Version> {

    private static final String NUM = "0123456789";
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUM;

    /** Masterminds' {@code looseSemVerRegex}: groups 1 major, 2 {@code .minor}, 3 {@code .patch}, 5 pre, 8 metadata. */
    private static final Pattern LOOSE = Pattern.compile("v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?");

    /**
     * Masterminds {@code NewVersion} (with its default {@code CoerceNewVersion}): empty when it would fail, and for
     * text over 1,000 characters (Java's matcher recurses per pre-release part).
     */
    public static Optional<Version> parse(String text) {
        if (text == null || text.length() > 1000) {
            return Optional.empty();
        }
        Matcher m = LOOSE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pre = m.group(5) == null ? "" : m.group(5);
        String meta = m.group(8) == null ? "" : m.group(8);
        Long major = number(m.group(1));
        Long minor = m.group(2) == null ? Long.valueOf(0) : number(m.group(2).substring(1));
        Long patch = m.group(3) == null ? Long.valueOf(0) : number(m.group(3).substring(1));
        if (major == null || minor == null || patch == null || !validPreRelease(pre) || !validMetadata(meta)) {
            return Optional.empty();
        }
        return Optional.of(new Version(major, minor, patch, pre, meta, text));
    }

    /**
     * Flux's {@code ParseVersion}: Masterminds {@code StrictNewVersion} after dropping one leading {@code v}. An OCI
     * tag that fails here is skipped by source-controller when it resolves {@code ref.semver}.
     */
    public static Optional<Version> parseTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String v = tag.startsWith("v") ? tag.substring(1) : tag;
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = v.split("\\.", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String rest = parts[2];
        String meta = "";
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            meta = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
            if (meta.isEmpty() || !validMetadata(meta)) {
                return Optional.empty();
            }
        }
        String pre = "";
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
            if (pre.isEmpty() || !validPreRelease(pre)) {
                return Optional.empty();
            }
        }
        String[] numbers = {parts[0], parts[1], rest};
        long[] values = new long[3];
        for (int i = 0; i < 3; i++) {
            String p = numbers[i];
            if (!containsOnly(p, NUM) || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            Long n = number(p);
            if (n == null) {
                return Optional.empty();
            }
            values[i] = n;
        }
        return Optional.of(new Version(values[0], values[1], values[2], pre, meta, tag));
    }

    /** True when this version has a pre-release part ({@code 1.2.3-rc.1}). */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** SemVer 2 precedence as Masterminds' {@code Compare}: numbers, then pre-release (none ranks highest). */
    @Override
    public int compareTo(Version o) {
        int d = Long.compareUnsigned(major, o.major);
        if (d == 0) {
            d = Long.compareUnsigned(minor, o.minor);
        }
        if (d == 0) {
            d = Long.compareUnsigned(patch, o.patch);
        }
        if (d != 0) {
            return Integer.signum(d);
        }
        if (preRelease.isEmpty() && o.preRelease.isEmpty()) {
            return 0;
        }
        if (preRelease.isEmpty()) {
            return 1;
        }
        if (o.preRelease.isEmpty()) {
            return -1;
        }
        return comparePreRelease(preRelease, o.preRelease);
    }

    /** Equal precedence (Masterminds' {@code Equal}: metadata and the original text do not count). */
    public boolean samePrecedence(Version o) {
        return compareTo(o) == 0;
    }

    /** {@code 1.2.3-rc.1+meta}, without a leading {@code v}. */
    @Override
    public String toString() {
        return Long.toUnsignedString(major) + "." + Long.toUnsignedString(minor) + "." + Long.toUnsignedString(patch)
                + (preRelease.isEmpty() ? "" : "-" + preRelease) + (metadata.isEmpty() ? "" : "+" + metadata);
    }

    static int comparePreRelease(String a, String b) {
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            int d = comparePart(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static int comparePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long si = containsOnly(s, NUM) ? number(s) : null;
        Long oi = containsOnly(o, NUM) ? number(o) : null;
        if (si == null && oi == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        }
        if (oi == null) {
            return -1;
        }
        if (si == null) {
            return 1;
        }
        return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
    }

    /** A base-10 unsigned 64-bit number as Go's {@code ParseUint}, or null (empty, a sign, or out of range). */
    private static @Nullable Long number(String digits) {
        if (digits.isEmpty() || !containsOnly(digits, NUM)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean validPreRelease(String pre) {
        if (pre.isEmpty()) {
            return true;
        }
        for (String part : pre.split("\\.", -1)) {
            if (part.isEmpty()) {
                return false;
            }
            if (containsOnly(part, NUM)) {
                if (part.length() > 1 && part.charAt(0) == '0') {
                    return false;
                }
            } else if (!containsOnly(part, ALLOWED)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validMetadata(String meta) {
        if (meta.isEmpty()) {
            return true;
        }
        for (String part : meta.split("\\.", -1)) {
            if (part.isEmpty() || !containsOnly(part, ALLOWED)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsOnly(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
