package dev.marquee.client.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void aCallMadeAfterCloseIsDroppedWithoutAnAnswer() {
        TaskExecutor tasks = new TaskExecutor(Executors.newSingleThreadExecutor(), Runnable::run);
        List<String> heard = new ArrayList<>();
        tasks.close();

        // A timer of a screen that is going away may still fire after the window closed its executor.
        tasks.run(() -> "answer", heard::add, failure -> heard.add("failed"));

        assertEquals(List.of(), heard);
    }
}
