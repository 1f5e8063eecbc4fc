package com.novaquant.alert.application;

/**
 * execution-service's admin API, as the command channel needs it. Every call names the human behind it
 * ({@code actor}, sent as {@code X-Nova-Actor}) and answers with text ready for the operator's phone.
 */
public interface ExecutionAdmin {

    AdminAnswer status(String actor);

    AdminAnswer pnl(String actor);

    AdminAnswer positions(String actor);

    AdminAnswer engageKillSwitch(String reason, String actor);

    /** FREEZES the desk: nothing moves but what an operator orders. */
    AdminAnswer freeze(String reason, String actor);

    AdminAnswer releaseKillSwitch(String reason, String actor);

    AdminAnswer flatten(String reason, String actor);

    /** @param ok false when execution refused, failed or did not answer; {@code text} then says why */
    record AdminAnswer(boolean ok, String text) {
    }
}
