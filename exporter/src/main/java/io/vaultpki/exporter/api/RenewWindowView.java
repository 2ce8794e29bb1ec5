package io.vaultpki.exporter.api;

import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.window.WindowPlacement;

import java.time.Instant;
import java.util.Map;

/**
 * The renew-window fields of an export's JSON: the window as configured (canonical text) and its floor, and where
 * the window put the next attempt. All {@code null} (the deferral flag too) for an export without a window.
 */
final class RenewWindowView {

    private RenewWindowView() {
    }

    static void put(Map<String, Object> out, ExportStatus status) {
        ExportSpec spec = status.spec();
        WindowPlacement placed = status.window();
        out.put("renew_window", spec.renewWindow() == null ? null : spec.renewWindow().text());
        out.put("renew_window_floor", GoDurationText.format(spec.renewWindowFloor()));
        out.put("renew_window_deferred", placed == null ? null : placed.deferred());
        out.put("renew_window_decision", placed == null ? null : placed.decision().wire());
        out.put("renew_window_planned_at", time(placed == null ? null : placed.planned()));
        out.put("renew_window_next_start", time(placed == null ? null : placed.window().start()));
        out.put("renew_window_next_end", time(placed == null ? null : placed.window().end()));
        out.put("renew_window_floor_at", time(placed == null ? null : placed.floorAt()));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
