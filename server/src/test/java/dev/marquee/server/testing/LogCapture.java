package dev.marquee.server.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the server logs at WARNING and above while it is open. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** Each record as its level, logger and message, with whether it carried a stack trace. */
    public List<String> lines() {
        return records.stream().map(record -> record.getLevel() + " " + record.getLoggerName() + ": "
                + record.getMessage() + (record.getThrown() != null ? " [with a stack trace]" : "")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
