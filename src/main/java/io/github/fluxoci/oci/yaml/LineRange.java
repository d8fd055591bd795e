package io.github.fluxoci.oci.yaml;

/** Whole lines of a text: {@code [start, end)} where {@code end} is just past the last line's line break. */
public record LineRange(int start, int end) {}
