package io.github.fluxoci.oci.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.fluxoci.oci.tree.KubeObject;

/**
 * When the root holds a Renovate config, its flux manager reads the OCIRepository files (Renovate updates
 * {@code ref.tag} of an OCIRepository natively, but only in files its {@code flux.managerFilePatterns} or
 * {@code flux.fileMatch} cover; the default covers only {@code gotk-components.yaml}). Silent when the config
 * {@code extends} presets that may set the patterns.
 */
public final class RenovateCoverageRule extends DeclaredRule {

    public RenovateCoverageRule() {
        super(
                "renovate-coverage",
                Severity.WARNING,
                "the Renovate config's flux manager file patterns cover the files that hold OCIRepositories"
                        + " (otherwise their ref.tag is never updated)");
    }

    static final List<String> CONFIG_FILES = List.of(
            "renovate.json",
            "renovate.json5",
            ".renovaterc",
            ".renovaterc.json",
            ".renovaterc.json5",
            ".github/renovate.json",
            ".github/renovate.json5",
            ".gitlab/renovate.json",
            ".gitlab/renovate.json5");
    private static final String DEFAULT_PATTERN = "/(^|/)gotk-components\\.ya?ml$/";

    @Override
    public List<Finding> check(VerifyContext context) {
        Path root = context.tree().root();
        Path config = CONFIG_FILES.stream()
                .map(root::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        if (config == null) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JsonMapper.builder()
                    .enable(
                            JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            JsonReadFeature.ALLOW_TRAILING_COMMA,
                            JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                            JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .build()
                    .readTree(Files.readString(config));
        } catch (IOException e) {
            return List.of(); // not JSON(5) we can read: say nothing rather than guess
        }
        List<String> patterns = new ArrayList<>();
        json.path("flux").path("managerFilePatterns").forEach(p -> patterns.add(p.asText()));
        json.path("flux").path("fileMatch").forEach(p -> patterns.add("/" + p.asText() + "/"));
        boolean fluxConfigured = !patterns.isEmpty();
        // custom managers (regexManagers before Renovate 36, customManagers since) that read a file also update it
        for (String key : List.of("regexManagers", "customManagers")) {
            for (JsonNode manager : json.path(key)) {
                manager.path("managerFilePatterns").forEach(p -> patterns.add(p.asText()));
                manager.path("fileMatch").forEach(p -> patterns.add("/" + p.asText() + "/"));
            }
        }
        if (!fluxConfigured) {
            if (json.has("extends") && patterns.isEmpty()) {
                return List.of();
            }
            patterns.add(DEFAULT_PATTERN);
        }
        String configName = root.relativize(config).toString();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (KubeObject oci : OciRepositories.usedByChartRef(context)) {
            String file = oci.file().relativePath();
            if (!seen.add(file) || patterns.stream().anyMatch(p -> matches(p, file))) {
                continue;
            }
            out.add(VerifyContext.at(
                    this,
                    oci,
                    null,
                    "Renovate (" + configName + ") does not read " + file
                            + ", so the tag of OCIRepository \"" + oci.name()
                            + "\" is never updated; add a pattern such as"
                            + " \"/\\\\.ya?ml$/\" to flux.managerFilePatterns"));
        }
        return out;
    }

    /** A Renovate file pattern: {@code /regex/} (searched anywhere in the path) or a glob. */
    static boolean matches(String pattern, String path) {
        if (pattern.length() > 1 && pattern.startsWith("/") && pattern.lastIndexOf('/') > 0) {
            String regex = pattern.substring(1, pattern.lastIndexOf('/'));
            try {
                return Pattern.compile(regex).matcher(path).find();
            } catch (PatternSyntaxException e) {
                return true; // a pattern we cannot read: assume it covers, never cry wolf
            }
        }
        return globRegex(pattern).matcher(path).matches();
    }

    /**
     * A Renovate glob as minimatch reads it ({@code dot: true}): braces {@code {a,b}} expand, {@code **} spans
     * folders (none included), {@code *} and {@code ?} stay within one folder, {@code [...]} is a class.
     */
    static Pattern globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    re.append('[')
                            .append(body.startsWith("!") ? "^" + body.substring(1) : body)
                            .append(']');
                    i = close;
                }
            } else if (c == '{') {
                depth++;
                re.append("(?:");
            } else if (c == '}' && depth > 0) {
                depth--;
                re.append(')');
            } else if (c == ',' && depth > 0) {
                re.append('|');
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString());
        } catch (PatternSyntaxException e) {
            return Pattern.compile(".*"); // a glob we cannot read: assume it covers, never cry wolf
        }
    }
}
