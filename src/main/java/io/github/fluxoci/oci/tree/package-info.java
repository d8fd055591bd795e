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
 * <li>{@code ClusterSyncs}: what each cluster syncs, whatever the names: a FluxInstance's {@code spec.sync} (any
 * kind, any name; as a FluxInstance, inline flux-instance values, or a values file a {@code configMapGenerator} reads:
 * {@link io.github.fluxoci.oci.tree.FluxInstanceSpec}), bootstrap {@code gotk-sync.yaml}; so which sources are "this
 * repository" (theirs, and GitRepositories at the same URL). {@code ArtifactRoots} finds the folder an OCI-artifact
 * sync is pushed from ({@code -Doci.artifactRoots}, or the one folder that holds its paths).</li>
 * <li>{@code EntryPointFinder}: what Flux applies from this repository, cluster by cluster
 * ({@link io.github.fluxoci.oci.tree.EntryPoint}), from those syncs; Kustomizations of other sources are not
 * followed (reported once), and an applied Kustomization is read as the build that applies it yields it.</li>
 * <li>{@code BuildWalker}: follows one build as kustomize and Flux do and yields an
 * {@link io.github.fluxoci.oci.tree.ObjectInstance} per object and build, with its name, namespace and the fields the
 * build sets: each kustomization's transformers run over what it accumulated, in kustomize's order
 * ({@code KustomizeTransforms}: patches as far as they set scalar fields or replace lists, {@code namespace},
 * {@code namePrefix}/{@code nameSuffix}, {@code replacements} inline and by {@code path}, inline builtin
 * {@code NamespaceTransformer}s); a Flux Kustomization adds its {@code targetNamespace}, {@code spec.patches} and
 * {@code spec.components} to the top kustomization, then its postBuild variables
 * ({@link io.github.fluxoci.oci.tree.Substitution}: {@code substitute}, and {@code substituteFrom} ConfigMaps of the
 * tree). {@code KustomizeOracleTest} checks it against {@code kubectl kustomize}.</li>
 * <li>{@link io.github.fluxoci.oci.tree.TreeNotice}: how the tree was read and what was not
 * ({@code ModelLimits}).</li>
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
 * <li>{@code notices()}: the folder an artifact sync is read from, Kustomizations of other sources, postBuild
 * variables without a value, kustomize features not followed, a tree whose entry points deploy nothing.</li>
 * </ul>
 *
 * <h2>What kustomize and Flux can do that the model does not follow</h2>
 * Each is reported where a build meets it ({@code kustomize-not-modelled}, {@code unresolved-variables}), never read
 * as empty: remote resources and bases; {@code helmCharts} and {@code helmChartInflationGenerator}; generator and
 * transformer plugins ({@code generators}, {@code transformers} other than the builtin NamespaceTransformer);
 * {@code vars}; variables from Secrets (SOPS-encrypted in git). Not reported because they make or move no Flux object:
 * {@code configMapGenerator}/{@code secretGenerator} (and their hash suffixes), {@code configurations},
 * {@code labels}/{@code commonLabels}/{@code commonAnnotations}, {@code images}, {@code replicas}. Patches that change a
 * list item by index, and strategic-merge patches without a {@code target}, change no name or namespace and are
 * not applied. Envsubst functions other than defaults ({@code ${VAR:=x}}, {@code ${VAR:-x}}) stay as written, and
 * {@code $VAR} without braces is not substituted.
 */
package io.github.fluxoci.oci.tree;
