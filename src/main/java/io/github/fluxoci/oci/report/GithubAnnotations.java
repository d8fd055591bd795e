package io.github.fluxoci.oci.report;

import java.util.List;
import java.util.function.UnaryOperator;

import io.github.fluxoci.oci.verify.Finding;

/**
 * Verify findings as GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=...::message}),
 * so that they show on the pull request's diff. Values are escaped as the runner expects: {@code %}, CR and LF in
 * messages; also {@code :} and {@code ,} in properties.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {}

    /** True when running as a GitHub Actions step. */
    public static boolean active() {
        return "true".equals(System.getenv("GITHUB_ACTIONS"));
    }

    /** One command per finding; {@code path} maps a finding's file to its path from the repository root. */
    public static List<String> render(List<Finding> findings, UnaryOperator<String> path) {
        return findings.stream().map(f -> command(f, path.apply(f.file()))).toList();
    }

    static String command(Finding f, String file) {
        String level = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        StringBuilder sb =
                new StringBuilder("::").append(level).append(" file=").append(property(file));
        if (f.line() > 0) {
            sb.append(",line=").append(f.line());
        }
        if (f.column() > 0) {
            sb.append(",col=").append(f.column());
        }
        sb.append(",title=").append(property("oci:verify " + f.rule()));
        return sb.append("::").append(data(f.message())).toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
