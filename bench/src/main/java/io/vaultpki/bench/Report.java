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

    /** A small extra table (e.g. requests per endpoint), printed after the targets. */
    record Table(String title, List<String> header, List<List<String>> rows) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
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

    void table(String title, List<String> header, List<List<String>> rows) {
        tables.add(new Table(title, List.copyOf(header), List.copyOf(rows)));
    }

    /** A "lower is better" target: met when {@code measured <= limit}. */
    void target(String id, String target, double measured, double limit, String unit, String why) {
        boolean met = measured <= limit;
        String margin = met && limit == 0 ? "none, as required"
                : met ? fmt(limit - measured) + " " + unit + " under the limit (" + pct((limit - measured) / limit) + ")"
                : fmt(measured - limit) + " " + unit + " over the limit"
                + (limit == 0 ? "" : " (" + (measured >= 2 * limit ? fmt(measured / limit) + "× the limit"
                : pct((measured - limit) / limit)) + ")")
                + (why.isEmpty() ? "" : ": " + why);
        targets.add(new Target(id, target, fmt(measured) + " " + unit + " (limit " + fmt(limit) + " " + unit + ")",
                met ? "met" : "missed", margin));
    }

    /** One criterion of a target: a measured value against its limit, at most or at least. */
    record Limit(String what, double measured, double limit, String unit, boolean atMost) {
        static Limit atMost(String what, double measured, double limit, String unit) {
            return new Limit(what, measured, limit, unit, true);
        }

        static Limit atLeast(String what, double measured, double limit, String unit) {
            return new Limit(what, measured, limit, unit, false);
        }

        boolean met() {
            return atMost ? measured <= limit : measured >= limit;
        }

        String measuredText() {
            return what + " " + fmt(measured) + " " + unit + " (" + (atMost ? "limit " : "at least ") + fmt(limit)
                    + " " + unit + ")";
        }

        String margin() {
            double by = Math.abs(measured - limit);
            String side = met() ? (atMost ? " under the limit" : " above the floor")
                    : (atMost ? " over the limit" : " short of the floor");
            return what + " " + fmt(by) + " " + unit + side + " (" + pct(by / limit) + ")";
        }
    }

    /** A target of several criteria, met when all are; {@code why} explains a miss. */
    void target(String id, String target, String why, Limit... limits) {
        boolean met = java.util.Arrays.stream(limits).allMatch(Limit::met);
        String measured = String.join(", ", java.util.Arrays.stream(limits).map(Limit::measuredText).toList());
        String margin = String.join("; ", java.util.Arrays.stream(limits).map(Limit::margin).toList())
                + (met || why.isEmpty() ? "" : ": " + why);
        targets.add(new Target(id, target, measured, met ? "met" : "missed", margin));
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
        out.println("| target | measured | verdict | margin |");
        out.println("|---|---|---|---|");
        for (Target t : targets) {
            out.println("| " + t.target() + " | " + t.measured() + " | **" + t.verdict() + "** | " + t.margin() + " |");
        }
        for (Table t : tables) {
            out.println();
            out.println(t.title() + ":");
            out.println();
            out.println("| " + String.join(" | ", t.header()) + " |");
            out.println("|" + "---|".repeat(t.header().size()));
            t.rows().forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
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
