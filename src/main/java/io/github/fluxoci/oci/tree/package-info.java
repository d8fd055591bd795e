/**
 * The manifests tree as Flux builds it. Nothing here imports Maven.
 *
 * <h2>Parts</h2>
 * <ul>
 * <li>{@link io.github.fluxoci.oci.tree.TreeLoader}: walks a root (never following links out of it), reads and
 * parses the selected files in parallel; a file that cannot be read or parsed becomes a
 * {@link io.github.fluxoci.oci.tree.Problem} with file, line and column, and the walk goes on.</li>
 * <li>{@code FileIndex}: the files by path and folder, and every object by kind and name.</li>
 * <li>{@code KustomizeGraph}: every kustomization.yaml (Kustomization or Component), the paths it lists
 * ({@link io.github.fluxoci.oci.tree.KustomizeEntry}) and, for each path, who lists it.</li>
 * <li>{@code EntryPointFinder}: what Flux applies from this repository, cluster by cluster
 * ({@link io.github.fluxoci.oci.tree.EntryPoint}): Flux Kustomizations, FluxInstance syncs and bootstrap cluster
 * folders, grouped by the root they are reached from; Kustomizations of other repositories are not followed.</li>
 * <li>{@code BuildWalker}: follows one build as kustomize and Flux do and yields an
 * {@link io.github.fluxoci.oci.tree.ObjectInstance} per object, with the namespace applied from the outside in
 * (Flux {@code targetNamespace}, then the outermost kustomization's {@code namespace:}, then
 * {@code metadata.namespace}); {@code KustomizeOracleTest} checks it against {@code kubectl kustomize}.</li>
 * <li>{@link io.github.fluxoci.oci.tree.ManifestTree}: the read-only facade the rest of the plugin uses.</li>
 * </ul>
 *
 * <h2>Public API</h2>
 * <ul>
 * <li>{@code TreeLoader.load(TreeOptions)} gives a {@code ManifestTree}.</li>
 * <li>Documents: {@code files()}, {@code objects()}, {@code helmReleases()}, {@code named(group, kind, name)}; a
 * {@link io.github.fluxoci.oci.tree.KubeObject} is one YAML document with its position.</li>
 * <li>Kustomize: {@code kustomizeFiles()}, {@code kustomizeFileIn(dir)}, {@code listersOf(path)},
 * {@code isPatchFile(file)}.</li>
 * <li>Builds: {@code hasEntryPoints()} (false: a tree without Flux objects is one build of everything),
 * {@code entryPoints()}, {@code clusters()}, {@code instances()}, {@code instancesOf(object)},
 * {@code isDeployed(object)}, {@code isBuilt(file)}, {@code unappliedFluxKustomizations()},
 * {@code find(group, kind, name, namespace, cluster)} (the instance a reference resolves to on one cluster) and
 * {@code build(directory, targetNamespace)} (one folder built on its own).</li>
 * <li>{@code AtomicFiles}: writes that replace a file atomically.</li>
 * </ul>
 */
package io.github.fluxoci.oci.tree;
