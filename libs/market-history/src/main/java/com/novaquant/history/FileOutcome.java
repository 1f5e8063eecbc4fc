package com.novaquant.history;

/** What happened to one file of a fetch. */
record FileOutcome(String zip, Kind kind, String reason) {

    enum Kind { FETCHED, ALREADY_PRESENT, MISSING, FAILED }

    static FileOutcome of(String zip, Kind kind) {
        return new FileOutcome(zip, kind, "");
    }

    static FileOutcome failed(String zip, String reason) {
        return new FileOutcome(zip, Kind.FAILED, reason);
    }
}
