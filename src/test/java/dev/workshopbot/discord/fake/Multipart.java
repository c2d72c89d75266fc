package dev.workshopbot.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough multipart/form-data to read the parts JDA sends with files: {@code payload_json} and {@code files[n]}. */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final String HEADER_END = "\r\n\r\n";

    private Multipart() {}

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The parts by name, each body as raw bytes. */
    static Map<String, byte[]> parts(byte[] body, String contentType) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("multipart body without a boundary: " + contentType);
        }
        // ISO-8859-1 maps every byte to one char, so offsets in the text are offsets in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundaryMatch.group(1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String chunk : text.split(Pattern.quote(delimiter))) {
            int headerEnd = chunk.indexOf(HEADER_END);
            if (headerEnd < 0) {
                continue;
            }
            Matcher name = PART_NAME.matcher(chunk.substring(0, headerEnd));
            if (!name.find()) {
                continue;
            }
            String content = chunk.substring(headerEnd + HEADER_END.length());
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            parts.put(name.group(1), content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return parts;
    }
}
