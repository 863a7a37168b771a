package dev.swarmboard.lane.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.lane.workspace.TestRepos;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.FileRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoContextTest {

    @TempDir
    Path dir;

    private Checkout checkout(Map<String, String> files) throws IOException {
        return TestRepos.checkout(dir.resolve("lanes"), TestRepos.create(dir.resolve("repo"), files));
    }

    @Test
    void shouldShowScopedFilesUnderHeadersWithBlobIdsAndRecordEveryFileShown() throws IOException {
        try (Checkout checkout = checkout(Map.of("src/a.py", "one\ntwo\n", "src/b.py", "b\n", "docs/x.md", "x\n"))) {
            RepoContext.Rendered rendered = RepoContext.render(ContextStrategy.SCOPED, checkout.dir(),
                    checkout.files(), List.of("src/"));

            assertThat(rendered.files()).extracting(FileRef::getPath).containsExactly("src/a.py", "src/b.py");
            String blob = rendered.files().get(0).getBlobId();
            assertThat(blob).matches("[0-9a-f]{40}");
            assertThat(rendered.text()).contains("### file src/a.py (blob " + blob + ", 2 lines)\none\ntwo\n")
                    .doesNotContain("docs/x.md");
            assertThat(rendered.notes()).isEmpty();
        }
    }

    @Test
    void shouldSayWhenAFileIsOverItsBudgetAndListBinaryFiles() throws IOException {
        String big = "line of text\n".repeat(2000);
        try (Checkout checkout = checkout(Map.of("big.txt", big, "logo.bin", "GIF\u0000\u0001"))) {
            RepoContext.Rendered rendered = RepoContext.render(ContextStrategy.FULL, checkout.dir(), checkout.files(),
                    List.of());

            assertThat(rendered.text()).contains("[file cut: showing 16380 of 26000 bytes, over the budget of 16384 bytes]")
                    .contains("### file logo.bin (blob ").contains("binary): listed, not shown")
                    .doesNotContain("GIF");
            assertThat(rendered.notes()).containsExactly("big.txt: cut at 16380 of 26000 bytes (budget 16384 bytes)");
            assertThat(rendered.files()).extracting(FileRef::getPath).containsExactly("big.txt", "logo.bin");
        }
    }

    @Test
    void shouldStopInliningWhenThePromptBudgetIsUsedUp() throws IOException {
        String chunk = "x".repeat(100) + "\n";
        Map<String, String> files = new java.util.TreeMap<>();
        for (int i = 0; i < 6; i++) {
            files.put("f" + i + ".txt", chunk.repeat(150));
        }
        try (Checkout checkout = checkout(files)) {
            RepoContext.Rendered rendered = RepoContext.render(ContextStrategy.SCOPED, checkout.dir(),
                    checkout.files(), List.of());

            assertThat(rendered.notes()).anySatisfy(note -> assertThat(note)
                    .isEqualTo("f5.txt: not shown (prompt file budget 65536 bytes)"));
            assertThat(rendered.text()).contains("### file f5.txt").contains("the prompt's file budget of 65536 bytes");
        }
    }

    @Test
    void shouldGiveLineCountsAndFirstLinesWhenDistilledAndNothingWhenFresh() throws IOException {
        String text = String.join("\n", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "l" + i).toList()) + "\n";
        try (Checkout checkout = checkout(Map.of("a.txt", text))) {
            String distilled = RepoContext.render(ContextStrategy.DISTILLED, checkout.dir(), checkout.files(),
                    List.of()).text();
            assertThat(distilled).contains("30 lines)").contains("l11\n").doesNotContain("l12\n");
            assertThat(RepoContext.render(ContextStrategy.FRESH, checkout.dir(), checkout.files(), List.of())
                    .files()).isEmpty();
        }
    }
}
