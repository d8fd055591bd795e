package io.github.fluxoci.oci.report;

/** Counts in words as people write them: "1 release", "2 releases", "1 HelmRepository", "3 HelmRepositories". */
public final class Plural {

    private Plural() {}

    /** {@code n} and the noun, singular for one, plural otherwise ({@code y} after a consonant becomes {@code ies}). */
    public static String of(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        boolean consonantY =
                noun.length() > 1 && noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0;
        return n + " " + (consonantY ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
