package dev.swarmboard.capability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes API keys from text a provider or a tool sent back, before it is stored on an event or logged.
 * It finds each key, its URL-encoded and Base64 forms, and any stretch of at least {@link #MIN_FRAGMENT}
 * characters of one of them (a prefix left by a cut, a suffix, a middle), and replaces each run with
 * {@link #MARK}. Redact before cutting text to length: a cut can only shorten a redacted run.
 */
public final class Redactor {

    /** The shortest piece of a key that is redacted on its own; a shorter key is redacted only whole. */
    public static final int MIN_FRAGMENT = 8;
    public static final String MARK = "[redacted]";
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> forms;

    private Redactor(List<String> forms) {
        this.forms = List.copyOf(forms);
    }

    /** A redactor for these keys, in every form it knows. */
    public static Redactor of(Collection<ApiKey> keys) {
        Set<String> forms = new LinkedHashSet<>();
        keys.forEach(key -> forms.addAll(formsOf(key.reveal())));
        return new Redactor(new ArrayList<>(forms));
    }

    /** This redactor plus one more key. */
    public Redactor with(ApiKey key) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(formsOf(key.reveal()));
        return new Redactor(new ArrayList<>(all));
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** The text with every key, encoded key and key fragment replaced; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty() || forms.isEmpty()) {
            return text;
        }
        BitSet secret = new BitSet(text.length());
        forms.forEach(form -> mark(text, form, secret));
        if (secret.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (secret.get(i)) {
                out.append(MARK);
                i = secret.nextClearBit(i);
            } else {
                int next = secret.nextSetBit(i);
                int end = next < 0 ? text.length() : next;
                out.append(text, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    // Any fragment of at least MIN_FRAGMENT characters is the union of its MIN_FRAGMENT-long windows,
    // so marking every occurrence of every window marks every fragment, however it was cut.
    private static void mark(String text, String form, BitSet secret) {
        int window = Math.min(MIN_FRAGMENT, form.length());
        for (int start = 0; start + window <= form.length(); start++) {
            String piece = form.substring(start, start + window);
            for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
                secret.set(at, at + window);
            }
        }
    }

    private static Set<String> formsOf(String key) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(key);
        forms.add(URLEncoder.encode(key, StandardCharsets.UTF_8));
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.removeIf(String::isEmpty);
        return forms;
    }

    @Override
    public String toString() {
        return "Redactor[" + forms.size() + " forms]";
    }
}
