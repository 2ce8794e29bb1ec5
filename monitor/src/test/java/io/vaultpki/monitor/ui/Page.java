package io.vaultpki.monitor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests read back from the rendered page, with plain regular expressions (the markup is ours). */
final class Page {

    private Page() {
    }

    /** The {@code data-issuer-id} of the issuer table's rows, in page order. */
    static List<String> issuerIds(String html) {
        return all(html, "<tr class=\"issuer[^\"]*\"[^>]*data-issuer-id=\"([^\"]*)\"");
    }

    /** The {@code data-state} of the issuer table's rows, in page order. */
    static List<String> issuerStates(String html) {
        return all(html, "<tr class=\"issuer[^\"]*\"[^>]*data-state=\"([^\"]*)\"");
    }

    /** The issuer IDs of the timeline's bars, in page order. */
    static List<String> timelineBars(String html) {
        return all(html, "<rect class=\"bar [^\"]*\" data-issuer-id=\"([^\"]*)\"");
    }

    static List<String> links(String html) {
        return all(html, "href=\"([^\"]*)\"");
    }

    static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
