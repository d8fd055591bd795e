package io.github.fluxoci.oci.yaml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditPlanTest {

    @Test
    void appliesEditsBackToFrontAgainstOriginalOffsets() {
        String text = "0123456789";
        EditPlan plan = new EditPlan()
                .add(new TextEdit(2, 4, "abcd"))
                .add(TextEdit.insert(0, ">"))
                .add(TextEdit.delete(8, 10));
        assertThat(plan.apply(text)).isEqualTo(">01abcd4567");
    }

    @Test
    void refusesOverlappingEdits() {
        EditPlan plan = new EditPlan().add(new TextEdit(2, 5, "x")).add(new TextEdit(4, 6, "y"));
        assertThatThrownBy(() -> plan.apply("0123456789"))
                .isInstanceOf(EditConflictException.class)
                .hasMessageContaining("overlapping");
    }

    @Test
    void refusesTwoInsertionsAtOneOffsetBecauseTheirOrderIsAmbiguous() {
        EditPlan plan = new EditPlan().add(TextEdit.insert(3, "a")).add(TextEdit.insert(3, "b"));
        assertThatThrownBy(() -> plan.apply("0123456789")).isInstanceOf(EditConflictException.class);
    }

    @Test
    void allowsAnInsertionRightAfterAReplacement() {
        EditPlan plan = new EditPlan().add(new TextEdit(0, 2, "ab")).add(TextEdit.insert(2, "!"));
        assertThat(plan.apply("0123")).isEqualTo("ab!23");
    }

    @Test
    void refusesAnEditPastTheEnd() {
        assertThatThrownBy(() -> new EditPlan().add(new TextEdit(3, 20, "")).apply("0123"))
                .isInstanceOf(EditConflictException.class);
    }

    @Test
    void reparsesTheResultAndRefusesBrokenYaml() throws Exception {
        YamlFile f = YamlFile.parse("a: 1\nb: 2\n");
        EditPlan broken = new EditPlan().add(new TextEdit(0, 1, "[a"));
        assertThatThrownBy(() -> broken.applyTo(f))
                .isInstanceOf(EditConflictException.class)
                .hasMessageContaining("no longer parses");
    }

    @Test
    void refusesAChangedDocumentCount() throws Exception {
        YamlFile f = YamlFile.parse("a: 1\n");
        EditPlan extraDoc = new EditPlan().add(TextEdit.insert(5, "---\nb: 2\n"));
        assertThatThrownBy(() -> extraDoc.applyTo(f))
                .isInstanceOf(EditConflictException.class)
                .hasMessageContaining("2 documents");
        assertThat(extraDoc.applyTo(f, 2).documents()).hasSize(2);
    }

    @Test
    void keepsTheByteOrderMarkThroughApplyTo() throws Exception {
        YamlFile f = YamlFile.parse(YamlFile.BOM + "a: 1\n");
        YamlFile out = new EditPlan().add(new TextEdit(3, 4, "2")).applyTo(f);
        assertThat(out.hasBom()).isTrue();
        assertThat(out.text()).isEqualTo("a: 2\n");
    }
}
