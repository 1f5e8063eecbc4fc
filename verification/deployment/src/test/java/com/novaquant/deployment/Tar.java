package com.novaquant.deployment;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the tar format for the release tests, without a library: reads ustar archives with POSIX (pax) and
 * GNU long names, as Jib, Helm and GNU tar write them, and writes small ustar archives (a base image).
 */
final class Tar {

    private static final int BLOCK = 512;

    private Tar() {
    }

    /** One archive member: its path (without a leading "./"), type flag, mode, owner and size. */
    record Entry(String name, char type, int mode, long uid, long gid, long size) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }
    }

    @FunctionalInterface
    interface Visitor {
        /** Called for every member; content reads that member's bytes (or nothing). */
        void visit(Entry entry, InputStream content) throws IOException;
    }

    /** Visits every member in order; what the visitor leaves unread is skipped. */
    static void scan(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        Map<String, String> pax = Map.of();
        while (true) {
            if (!readBlock(in, header)) {
                return;
            }
            if (isZero(header)) {
                return;
            }
            char type = (char) header[156];
            long size = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : octal(header, 124, 12);
            if (type == 'x' || type == 'L') {
                byte[] data = readAll(in, size);
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                } else {
                    pax = parsePax(data);
                }
                continue;
            }
            if (type == 'g') {
                readAll(in, size);
                continue;
            }
            String name = pax.containsKey("path") ? pax.get("path") : longName;
            if (name == null) {
                boolean posix = header[257] == 'u' && header[262] == 0;
                String prefix = posix ? string(header, 345, 155) : "";
                name = string(header, 0, 100);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            if (name.startsWith("./")) {
                name = name.substring(2);
            }
            Entry entry = new Entry(name, type, (int) octal(header, 100, 8),
                    pax.containsKey("uid") ? Long.parseLong(pax.get("uid")) : octal(header, 108, 8),
                    pax.containsKey("gid") ? Long.parseLong(pax.get("gid")) : octal(header, 116, 8), size);
            longName = null;
            pax = Map.of();
            long content = entry.type() == '5' || entry.type() == '2' || entry.type() == '1' ? 0 : size;
            Bounded member = new Bounded(in, content);
            visitor.visit(entry, member);
            member.skipRest();
            skipPadding(in, content);
        }
    }

    /** Unpacks the regular files and directories of an archive under a directory. */
    static void extract(InputStream in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        scan(in, (entry, content) -> {
            Path path = root.resolve(entry.name()).normalize();
            if (!path.startsWith(root)) {
                throw new IOException("archive member outside the target: " + entry.name());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isFile()) {
                Files.createDirectories(path.getParent());
                Files.copy(content, path);
            }
        });
    }

    /** A regular file to write: path (at most 100 bytes), content and permission bits; owned by root. */
    record Member(String name, byte[] content, int mode) {
        Member(String name, String content) {
            this(name, content.getBytes(StandardCharsets.UTF_8), 0644);
        }
    }

    /** Writes a ustar archive of regular files. */
    static void write(OutputStream out, List<Member> members) throws IOException {
        for (Member member : members) {
            byte[] name = member.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 100) {
                throw new IllegalArgumentException("name too long for ustar: " + member.name());
            }
            byte[] header = new byte[BLOCK];
            System.arraycopy(name, 0, header, 0, name.length);
            putOctal(header, 100, 8, member.mode());
            putOctal(header, 108, 8, 0);
            putOctal(header, 116, 8, 0);
            putOctal(header, 124, 12, member.content().length);
            putOctal(header, 136, 12, 0);
            header[156] = '0';
            System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            putOctal(header, 148, 7, sum);
            out.write(header);
            out.write(member.content());
            out.write(new byte[(BLOCK - member.content().length % BLOCK) % BLOCK]);
        }
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    static byte[] write(List<Member> members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, members);
        return out.toByteArray();
    }

    private static Map<String, String> parsePax(byte[] data) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII).trim());
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            records.put(record.substring(0, equals), record.substring(equals + 1));
            at += length;
        }
        return records;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar member");
        }
        skipPadding(in, size);
        return data;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(pad);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String text = string(header, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    private static void putOctal(byte[] header, int offset, int length, long value) {
        String text = String.format("%0" + (length - 1) + "o", value);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }

    /** A member's bytes: reads stop at its end, and the rest can be skipped. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public void close() {
            // the archive stays open
        }

        void skipRest() throws IOException {
            if (remaining > 0) {
                in.skipNBytes(remaining);
                remaining = 0;
            }
        }
    }
}
