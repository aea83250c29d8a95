package dev.marquee.client.common;

/** Turns any failure of a background call into one sentence a person at the counter can act on. */
public final class Failures {

    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static String describe(Exception failure) {
        if (failure instanceof ApiException || failure instanceof ServerUnreachableException) {
            return failure.getMessage();
        }
        // Anything else is our bug or a garbled answer: the details go to the log, never to the screen.
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure talking to the server", failure);
        return "Something went wrong while talking to the server. Please try again.";
    }
}
