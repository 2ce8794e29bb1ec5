package io.vaultpki.exporter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last bytes a hook printed. Draining the pipe continuously is what keeps a chatty hook from blocking on
 * a full pipe buffer; keeping only a bounded tail is what keeps it from filling the exporter's memory.
 */
final class OutputTail {

    private final byte[] ring;
    private long written;

    OutputTail(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Reads {@code in} to its end (or until it fails), keeping the tail. */
    void drain(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the process was killed or closed its output; what was read so far is all there is
        }
    }

    synchronized void append(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written % ring.length)] = data[i];
            written++;
        }
    }

    /** The kept tail as text (the first, possibly cut, character may be garbled). */
    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
