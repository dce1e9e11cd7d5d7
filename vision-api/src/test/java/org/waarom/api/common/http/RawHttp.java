package org.waarom.api.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests no HTTP client sends as they are (an invalid percent-encoding, no Host, a control character in a header, a
 * chunked body the server refuses half-way), written byte for byte on a socket. The answer is read while the request is
 * still being written, since the server may answer, and close, before the whole body has arrived.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final URL base;

    RawHttp(URL base) {
        this.base = base;
    }

    /** The request head as given, lines ended by {@code \n} (sent as CRLF), then {@code body}, if any, sent chunked. */
    Answer send(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAll(in));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    writeChunked(out, body);
                }
                out.flush();
            } catch (IOException e) {
                // The server answered and closed before taking the whole request: its answer has been read all the same.
            }
            return parse(answer.get(30, TimeUnit.SECONDS));
        }
    }

    Answer send(String head) throws Exception {
        return send(head, null);
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 8_192;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer: what arrived is the answer.
        }
        return read.toByteArray();
    }

    /** The first answer on the connection (a 100 Continue is skipped); its body by Content-Length, or to the end. */
    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        while (text.startsWith("HTTP/1.1 100")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("No complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        String length = headers.get("content-length");
        if (length != null && body.length() > Integer.parseInt(length)) {
            body = body.substring(0, Integer.parseInt(length));
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
