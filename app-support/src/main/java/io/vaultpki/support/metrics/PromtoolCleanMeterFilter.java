package io.vaultpki.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Makes Micrometer's own meters (JVM, HTTP server and client) pass {@code promtool check metrics} without lint
 * findings, so users can lint the whole scrape: every meter gets a HELP text, tag keys become snake_case,
 * {@code system.cpu.count} (a {@code _count} suffix reads as a summary) becomes {@code system.cpus}, and
 * {@code process.cpu.time} (exported in nanoseconds, not base units) is dropped; {@code process_cpu_usage} remains.
 */
@Singleton
public class PromtoolCleanMeterFilter implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = id.getName().equals("system.cpu.count") ? "system.cpus" : id.getName();
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "Micrometer meter " + name + "." : id.getDescription();
        List<Tag> tags = id.getTags().stream().map(tag -> Tag.of(snakeCase(tag.getKey()), tag.getValue())).toList();
        return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    static String snakeCase(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
