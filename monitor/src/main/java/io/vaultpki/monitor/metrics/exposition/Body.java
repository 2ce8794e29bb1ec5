package io.vaultpki.monitor.metrics.exposition;

import java.util.List;
import java.util.zip.CRC32;

/**
 * One scrape's answer in one format, as the pieces it is made of; each encoding is assembled on first use and then
 * served as is to every scraper that asks for it until the body is replaced.
 *
 * <p>The gzip form is one gzip member (RFC 1952) whose deflate stream (RFC 1951) is the pieces' own compressed
 * blocks laid end to end, closed by an empty final block: what {@code pigz} does to compress in parallel. Only the
 * checksum covers the whole text, and CRC-32 runs at gigabytes a second.
 */
public final class Body {

    /** ID1 ID2, CM = deflate, no flags, no modification time, no extra flags, OS unknown. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** A final fixed-Huffman block holding only the end-of-block code. */
    private static final byte[] FINAL_EMPTY_BLOCK = {3, 0};

    private final ExpositionFormat format;
    private final List<Piece> pieces;
    private volatile byte[] identity;
    private volatile byte[] gzip;

    /** The body of {@code pieces} in order, closed as {@code format} requires. */
    public Body(ExpositionFormat format, List<Piece> pieces) {
        this.format = format;
        this.pieces = pieces.stream().filter(p -> p.size() > 0).toList();
    }

    public ExpositionFormat format() {
        return format;
    }

    /** The text, uncompressed. Shared by every caller: never modify it. */
    public byte[] identity() {
        byte[] b = identity;
        if (b == null) {
            synchronized (this) {
                b = identity;
                if (b == null) {
                    b = join();
                    identity = b;
                }
            }
        }
        return b;
    }

    /** The text as a gzip member. Shared by every caller: never modify it. */
    public byte[] gzip() {
        byte[] b = gzip;
        if (b == null) {
            synchronized (this) {
                b = gzip;
                if (b == null) {
                    b = compress();
                    gzip = b;
                }
            }
        }
        return b;
    }

    private List<Piece> all() {
        Piece end = format.terminator();
        if (end.size() == 0) {
            return pieces;
        }
        List<Piece> all = new java.util.ArrayList<>(pieces);
        all.add(end);
        return all;
    }

    private byte[] join() {
        List<Piece> all = all();
        byte[] out = new byte[all.stream().mapToInt(Piece::size).sum()];
        int at = 0;
        for (Piece piece : all) {
            System.arraycopy(piece.raw(), 0, out, at, piece.size());
            at += piece.size();
        }
        return out;
    }

    private byte[] compress() {
        List<Piece> all = all();
        CRC32 crc = new CRC32();
        long size = 0;
        int length = GZIP_HEADER.length + FINAL_EMPTY_BLOCK.length + 8;
        for (Piece piece : all) {
            crc.update(piece.raw());
            size += piece.size();
            length += piece.deflated().length;
        }
        byte[] out = new byte[length];
        System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
        int at = GZIP_HEADER.length;
        for (Piece piece : all) {
            byte[] blocks = piece.deflated();
            System.arraycopy(blocks, 0, out, at, blocks.length);
            at += blocks.length;
        }
        System.arraycopy(FINAL_EMPTY_BLOCK, 0, out, at, FINAL_EMPTY_BLOCK.length);
        at += FINAL_EMPTY_BLOCK.length;
        at = littleEndian(out, at, crc.getValue());
        littleEndian(out, at, size); // ISIZE: the length modulo 2^32
        return out;
    }

    private static int littleEndian(byte[] out, int at, long value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }
}
