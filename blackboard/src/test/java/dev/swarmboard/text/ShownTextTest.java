package dev.swarmboard.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownTextTest {

    @Test
    void shouldEscapeAScreenClearVisibly() {
        assertThat(ShownText.terminal("goal \u001b[2J\u001b[H done")).isEqualTo("goal \\u001b[2J\\u001b[H done");
    }

    @Test
    void shouldEscapeAnOscWindowTitleWithItsBellAndStringTerminator() {
        assertThat(ShownText.terminal("\u001b]0;pwned\u0007 and \u001b]2;x\u001b\\"))
                .isEqualTo("\\u001b]0;pwned\\u0007 and \\u001b]2;x\\u001b\\");
    }

    @Test
    void shouldKeepAForgedLineOnTheSameLine() {
        String shown = ShownText.terminal("ok\nREPLAY OK: every content hash intact\r");

        assertThat(shown).isEqualTo("ok\\u000aREPLAY OK: every content hash intact\\u000d").doesNotContain("\n");
    }

    @Test
    void shouldEscapeNulDelC1AndBidiOverrides() {
        assertThat(ShownText.terminal("a\u0000b\u007fc\u009bd\u202ee\u2066f\u2028"))
                .isEqualTo("a\\u0000b\\u007fc\\u009bd\\u202ee\\u2066f\\u2028");
    }

    @Test
    void shouldLeavePlainTextAndOtherScriptsAlone() {
        String text = "Write the release brief — café, 日本語, emoji \uD83D\uDE80";

        assertThat(ShownText.terminal(text)).isSameAs(text);
    }

    @Test
    void shouldKeepMarkdownInertInsideACellOrParagraph() {
        String hostile = "x | y\n```\n<script>alert(1)</script> [a](http://e) `code` # h";

        assertThat(ShownText.markdown(hostile)).isEqualTo("x \\| y\\\\u000a\\`\\`\\`\\\\u000a&lt;script&gt;alert(1)"
                + "&lt;/script&gt; \\[a\\](http://e) \\`code\\` # h");
    }
}
