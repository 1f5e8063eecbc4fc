package com.novaquant.history;

/**
 * A line of a bulk file that could not be read. Money data is never skipped quietly: the message names the file and
 * the line, so that the file can be looked at or fetched again.
 */
public class MalformedBulkFileException extends RuntimeException {

    private final String file;
    private final long lineNumber;

    public MalformedBulkFileException(String file, long lineNumber, String problem, Throwable cause) {
        super(file + ":" + lineNumber + ": " + problem, cause);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    /** The file, with the entry inside a zip after {@code !/}. */
    public String file() {
        return file;
    }

    /** The line, counting from 1 (the header line included). */
    public long lineNumber() {
        return lineNumber;
    }
}
