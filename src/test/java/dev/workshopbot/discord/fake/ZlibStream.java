package dev.workshopbot.discord.fake;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Discord's {@code compress=zlib-stream}: one zlib context for the whole connection, each message flushed with
 * SYNC_FLUSH so it ends in the {@code 00 00 FF FF} marker JDA waits for before inflating.
 */
final class ZlibStream {

    private final Deflater deflater = new Deflater();
    private final byte[] buffer = new byte[8192];

    synchronized byte[] compress(byte[] message) {
        deflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 16);
        int written;
        do {
            // A full buffer means the flush did not finish; Deflater's contract is to call again.
            written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, written);
        } while (written == buffer.length);
        return out.toByteArray();
    }

    synchronized void close() {
        deflater.end();
    }
}
