/**
 * The thin Mojos: each reads its parameters, builds a goal of {@code io.github.fluxoci.oci.goal} and runs it; a
 * {@code GoalException} becomes {@code MojoFailureException} (bad input, findings) or
 * {@code MojoExecutionException} (I/O). The only package that imports Maven; the {@code -dir} goals run without a
 * project.
 */
package io.github.fluxoci.oci.maven;
