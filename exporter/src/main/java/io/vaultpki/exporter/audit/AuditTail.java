package io.vaultpki.exporter.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest audit events of one export, read back from the end of the current audit file (its last
 * {@link #WINDOW} bytes, so a large log never costs more than that per read). Only chosen fields are returned: the
 * source IP and request ID stay in the file. Lines the writer is still appending, or that do not parse, are skipped.
 */
@Singleton
public class AuditTail {

    /** How much of the end of the file is read. */
    static final int WINDOW = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIELDS = List.of("time", "event", "method", "route", "file", "serial", "hook",
            "outcome", "exit_code", "status", "detail", "duration_ms");

    private final Path file;

    public AuditTail(AuditConfiguration configuration) {
        this.file = configuration.path();
    }

    /** At most {@code limit} events naming {@code export}, newest first; empty when the log does not exist yet. */
    public List<Map<String, Object>> recent(String export, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> lines = tailLines();
        for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
            JsonNode node = parse(lines.get(i));
            if (node != null && export.equals(node.path("export").asText(null))) {
                out.add(view(node));
            }
        }
        return out;
    }

    private static Map<String, Object> view(JsonNode node) {
        Map<String, Object> event = new LinkedHashMap<>();
        JsonNode actor = node.path("actor");
        if (actor.isObject()) {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("type", actor.path("type").asText(null));
            who.put("name", actor.path("name").asText(null));
            event.put("actor", who);
        }
        for (String field : FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                event.put(field, value.isNumber() ? value.numberValue() : value.asText());
            }
        }
        return event;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> tailLines() {
        byte[] bytes;
        boolean fromStart;
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            long size = channel.size();
            long start = Math.max(0, size - WINDOW);
            fromStart = start == 0;
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the window to its end
            }
            bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            // a symlinked or unreadable log shows no events; the writer logs its own trouble
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
        if (!fromStart && !lines.isEmpty()) {
            lines.remove(0); // starts mid-line
        }
        return lines;
    }
}
