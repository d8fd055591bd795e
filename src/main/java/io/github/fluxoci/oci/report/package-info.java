/**
 * What the goals write for people and machines: Markdown ({@code scan.md}, {@code migrate.md}, {@code verify.md}),
 * JSON with shipped schemas ({@link io.github.fluxoci.oci.report.ReportFormat}), SARIF 2.1.0, unified diffs, console
 * lines and GitHub Actions annotations. Reads results of {@code scan}, {@code migrate} and {@code verify}; writes
 * through {@link io.github.fluxoci.oci.tree.AtomicFiles}; no Maven.
 */
package io.github.fluxoci.oci.report;
