package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.fluxoci.oci.Kubectl;
import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static io.github.fluxoci.oci.TestFiles.copyTree;
import static io.github.fluxoci.oci.TestFiles.readTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code oci:migrate} killed after any of its writes (simulated in-process: the applier stops dead, restoring
 * nothing, as {@code kill -9} would) leaves a tree Flux can apply, and running it again ends in the same tree as an
 * uninterrupted run. A file edited by someone else while migrate writes stops the run and is named.
 */
class CrashConsistencyTest {

    /** Stands for the process dying: an Error, so no catch block of the applier restores anything. */
    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    private static final Set<String> RULES_THE_PLUGIN_COULD_BREAK = Set.of(
            "chartref-target",
            "source-deployed",
            "flux-schema",
            "stale-patch",
            "kustomization-resources",
            "manifest-parse",
            "layer-selector",
            "oci-ref");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "overlay-rewrite",
                "prune-own-file",
                "multi-document-inline-prune",
                "guide-kyverno",
                "selection",
                "crlf"
            })
    void killedAfterEveryWriteTheTreeAppliesAndARerunFinishesTheJob(String name) throws Exception {
        Path golden = Path.of(getClass().getResource("/migrate/" + name).toURI());
        MigrateOptions options = options(golden);

        Path uninterrupted = temp.resolve(name + "-whole");
        copyTree(golden.resolve("before"), uninterrupted);
        MigrationPlan plan = plan(uninterrupted, options);
        PlanApplier.apply(uninterrupted, plan.writes());
        Map<String, String> finished = readTree(uninterrupted);
        assertThat(plan.writes().size())
                .as("writes of " + name)
                .isGreaterThanOrEqualTo(plan.changes().size());
        List<String> buildsBefore = buildingKustomizations(golden.resolve("before"));

        for (int killAfter = 0; killAfter < plan.writes().size(); killAfter++) {
            Path work = temp.resolve(name + "-killed-" + killAfter);
            copyTree(golden.resolve("before"), work);
            int limit = killAfter;
            MigrationPlan fresh = plan(work, options);
            try {
                PlanApplier.apply(work, fresh.writes(), written -> {
                    if (written > limit) {
                        throw new Killed();
                    }
                });
            } catch (Killed expected) {
                // the process is gone: what is on disk is all there is
            }
            String at = name + " killed after write " + (killAfter + 1) + " of "
                    + fresh.writes().size();
            assertThat(integrityErrors(work))
                    .as(at + ": the tree Flux would apply")
                    .isEmpty();
            for (String folder : buildsBefore) {
                Kubectl.Build build = Kubectl.kustomize(work.resolve(folder.isEmpty() ? "." : folder));
                assertThat(build.error())
                        .as(at + ": kubectl kustomize " + folder)
                        .isNull();
            }
            PlanApplier.apply(work, plan(work, options).writes());
            assertThat(readTree(work)).as(at + ", then run again").isEqualTo(finished);
        }
    }

    @Test
    void aFileEditedWhileMigrateWritesStopsTheRunAndIsRestored() throws Exception {
        Path golden = Path.of(getClass().getResource("/migrate/guide-kyverno").toURI());
        Path work = temp.resolve("concurrent");
        copyTree(golden.resolve("before"), work);
        Map<String, String> original = readTree(work);
        MigrationPlan plan = plan(work, options(golden));
        FileChange last = plan.writes().get(plan.writes().size() - 1);
        assertThatThrownBy(() -> PlanApplier.apply(work, plan.writes(), written -> {
                    if (written == 1) {
                        try {
                            Files.writeString(work.resolve(last.path()), last.before() + "# edited by someone else\n");
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }))
                .isInstanceOf(PlanApplier.ApplyException.class)
                .hasMessageStartingWith(last.path() + " was changed by something else while oci:migrate was writing;"
                        + " the files already written were restored");
        Map<String, String> after = readTree(work);
        original.put(
                last.path().replace('\\', '/'),
                new String(
                        (last.before() + "# edited by someone else\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(after).isEqualTo(original);
    }

    @Test
    void aFileWithSeveralHardLinksIsNotReplaced() throws Exception {
        Path golden = Path.of(getClass().getResource("/migrate/guide-kyverno").toURI());
        Path work = temp.resolve("hardlink");
        copyTree(golden.resolve("before"), work);
        MigrationPlan plan = plan(work, options(golden));
        FileChange changed =
                plan.writes().stream().filter(c -> !c.isNew()).findFirst().orElseThrow();
        Files.createLink(temp.resolve("elsewhere.yaml"), work.resolve(changed.path()));
        assertThatThrownBy(() -> PlanApplier.apply(work, plan.writes()))
                .hasMessageStartingWith(changed.path() + " has 2 hard links: replacing it would separate them;"
                        + " nothing was written");
    }

    @Test
    void leftoversOfAnInterruptedRunAreFoundAndRemoved() throws Exception {
        Path work = Files.createDirectories(temp.resolve("leftovers/app"));
        Files.writeString(work.resolve("kustomization.yaml"), "resources: []\n");
        Files.writeString(work.resolve(".kustomization.yaml.oci-tmp"), "");
        Files.writeString(work.resolve(".helmrelease.yaml.12345.tmp"), "half");
        Files.writeString(work.resolve(".notes.txt.oci-tmp"), "not ours");
        ManifestTree tree = TreeLoader.load(TreeOptions.of(temp.resolve("leftovers")));
        assertThat(tree.leftovers())
                .containsExactlyInAnyOrder("app/.kustomization.yaml.oci-tmp", "app/.helmrelease.yaml.12345.tmp");
        assertThat(PlanApplier.removeLeftovers(tree.root(), tree.leftovers()))
                .hasSize(2)
                .allMatch(m -> m.startsWith("removed app/.") && m.endsWith(", left by an interrupted oci:migrate"));
        assertThat(work.resolve(".kustomization.yaml.oci-tmp")).doesNotExist();
        assertThat(work.resolve(".notes.txt.oci-tmp")).exists();
    }

    private static MigrateOptions options(Path golden) throws Exception {
        MigrateOptions o = MigrateGoldenTest.options(golden.resolve("options.properties"));
        // a re-run only knows what is unused now, so an interrupted prune finishes with "all" (README: migrate)
        return o.prune() == Prune.NONE ? o : o.withPrune(Prune.ALL);
    }

    private static MigrationPlan plan(Path root, MigrateOptions options) throws Exception {
        return MigrateGoldenTest.plan(root, options);
    }

    private static List<String> integrityErrors(Path root) throws Exception {
        ManifestTree tree = TreeLoader.load(TreeOptions.of(root));
        List<Finding> findings = Verifier.verify(new VerifyContext(
                tree, new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree), List.of(), List.of()));
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR && RULES_THE_PLUGIN_COULD_BREAK.contains(f.rule())) {
                out.add(f.describe());
            }
        }
        return out;
    }

    /** Kustomization folders of the tree that kubectl builds (none without kubectl: the verify check still runs). */
    private static List<String> buildingKustomizations(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        if (!Kubectl.available()) {
            return out;
        }
        for (KustomizeFile k : TreeLoader.load(TreeOptions.of(root)).kustomizeFiles()) {
            if ("Kustomization".equals(k.kind())
                    && Kubectl.kustomize(root.resolve(k.directory().isEmpty() ? "." : k.directory()))
                            .ok()) {
                out.add(k.directory());
            }
        }
        return out;
    }
}
