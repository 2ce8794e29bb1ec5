package io.vaultpki.monitor.metrics.exposition;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * A run of whole metric families in one format, rendered once and served until what it shows changes. Its gzip form
 * is a raw deflate stream of the piece alone, ended by a sync flush: it starts with an empty window and ends on a
 * byte boundary without a final block, so compressed pieces can be laid end to end into one deflate stream
 * ({@link Body}) without compressing the unchanged ones again.
 */
public final class Piece {

    /** An empty piece: contributes nothing to a body. */
    public static final Piece EMPTY = new Piece(new byte[0]);

    private final byte[] raw;
    private volatile byte[] deflated;

    private Piece(byte[] raw) {
        this.raw = raw;
    }

    /** A piece of these bytes, which the caller hands over and no longer changes. */
    public static Piece of(byte[] raw) {
        return raw.length == 0 ? EMPTY : new Piece(raw);
    }

    /** The text, shared: callers must not change it. */
    byte[] raw() {
        return raw;
    }

    public int size() {
        return raw.length;
    }

    /** The raw deflate blocks of this piece, compressed on first use and kept. */
    byte[] deflated() {
        byte[] d = deflated;
        if (d == null) {
            synchronized (this) {
                d = deflated;
                if (d == null) {
                    d = deflate(raw);
                    deflated = d;
                }
            }
        }
        return d;
    }

    private static byte[] deflate(byte[] input) {
        if (input.length == 0) {
            return input;
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 6 + 64);
            byte[] buffer = new byte[32 * 1024];
            int n;
            // SYNC_FLUSH consumes all input; a full buffer means more output is waiting (Deflater#deflate)
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
