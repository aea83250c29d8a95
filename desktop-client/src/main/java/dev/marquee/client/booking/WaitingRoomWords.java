package dev.marquee.client.booking;

import dev.marquee.client.booking.WaitingRoomViewModel.Stage;
import java.time.Duration;

/** How the waiting room puts a fan's place into words. */
final class WaitingRoomWords {

    private WaitingRoomWords() {
    }

    static String headline(Stage stage) {
        return switch (stage) {
            case NONE -> "";
            case JOINING -> "Joining the line...";
            case AWAITING_DRAW -> "You're in: the line opens soon";
            case WAITING -> "You're in line";
            case ADMITTED -> "It's your turn!";
            case SOLD_OUT -> "Sold out";
            case EXPIRED -> "Your turn passed";
            case LEFT -> "You left the line";
        };
    }

    /** "Number 1,204 · 312 people ahead of you". */
    static String position(long number, long ahead) {
        return String.format("Number %,d · %s", number, ahead == 0 ? "you're next"
                : String.format("%,d %s ahead of you", ahead, ahead == 1 ? "person" : "people"));
    }

    /** The estimated wait in words; null seconds while the line has no pace yet. */
    static String wait(Long seconds) {
        if (seconds == null) {
            return "Working out your wait...";
        }
        if (seconds < 60) {
            return "Less than a minute";
        }
        long minutes = (seconds + 59) / 60;
        return "About " + minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** What the fan should know in this stage; {@code otherwise} (a failure said earlier) where there is nothing. */
    static String message(Stage stage, boolean onlyHeldLeft, String otherwise) {
        return switch (stage) {
            case SOLD_OUT -> "Every ticket has been sold, and none are held that could still come back.";
            case EXPIRED -> "You did not start booking in time, so your turn went to the next fan. You can join again"
                    + " at the back of the line.";
            case LEFT -> "Join again to get a new place at the back of the line.";
            case AWAITING_DRAW -> "Everyone who joins before the opening gets a random place in line, so there is no"
                    + " need to hurry.";
            case WAITING -> onlyHeldLeft ? "All remaining tickets are in other fans' baskets. If they don't buy"
                    + " them, they come back to the line: stay in line." : "";
            default -> otherwise;
        };
    }

    /** "4:59", or "1:02:03" past an hour. */
    static String clock(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
