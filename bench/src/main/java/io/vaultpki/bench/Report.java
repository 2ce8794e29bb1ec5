package io.vaultpki.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's output: measurement rows and target verdicts, printed as Markdown tables. */
final class Report {

    /** One measurement; {@code id} is stable across modes (the test checks every id is present). */
    record Row(String id, String measurement, String result, String notes) {
    }

    /** One target of issue 6 with its verdict ({@code met} or {@code missed}) and the margin. */
    record Target(String id, String target, String measured, String verdict, String margin) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    private final PrintStream progress;

    Report(PrintStream progress) {
        this.progress = progress;
    }

    void row(String id, String measurement, String result, String notes) {
        Row row = new Row(id, measurement, result, notes);
        rows.add(row);
        progress.println("  [" + Bench.elapsed() + "] " + measurement + ": " + result + (notes.isEmpty() ? "" : " (" + notes + ")"));
        progress.flush();
    }

    /** A "lower is better" target: met when {@code measured <= limit}. */
    void target(String id, String target, double measured, double limit, String unit, String why) {
        boolean met = measured <= limit;
        String margin = met
                ? (limit == 0 ? "at the limit" // nothing allowed, nothing measured: no share of zero to print
                : fmt(limit - measured) + " " + unit + " under the limit (" + pct((limit - measured) / limit) + ")")
                : fmt(measured - limit) + " " + unit + " over the limit"
                + (limit == 0 ? "" : " (" + (measured >= 2 * limit ? fmt(measured / limit) + "× the limit"
                : pct((measured - limit) / limit)) + ")")
                + (why.isEmpty() ? "" : ": " + why);
        targets.add(new Target(id, target, fmt(measured) + " " + unit + " (limit " + fmt(limit) + " " + unit + ")",
                met ? "met" : "missed", margin));
    }

    void print(PrintStream out, String header) {
        out.println();
        out.println(header);
        out.println();
        out.println("| measurement | result | notes |");
        out.println("|---|---|---|");
        for (Row r : rows) {
            out.println("| " + r.measurement() + " | " + r.result() + " | " + r.notes() + " |");
        }
        out.println();
        out.println("| target (issue 6) | measured | verdict | margin |");
        out.println("|---|---|---|---|");
        for (Target t : targets) {
            out.println("| " + t.target() + " | " + t.measured() + " | **" + t.verdict() + "** | " + t.margin() + " |");
        }
        out.flush();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
