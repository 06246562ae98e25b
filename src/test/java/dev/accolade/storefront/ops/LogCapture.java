package dev.accolade.storefront.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Every log record of the application while it is open, with the MDC it was written with. */
final class LogCapture extends Handler implements AutoCloseable {

    record Line(String logger, Level level, String message, String requestId) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();

    static LogCapture open() {
        LogCapture c = new LogCapture();
        c.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(c);
        return c;
    }

    @Override
    public void publish(LogRecord r) {
        String message = r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
        if (r.getThrown() != null) {
            message += " " + r.getThrown();
        }
        String id = r instanceof ExtLogRecord e ? e.getMdc(RequestIds.MDC_KEY) : null;
        lines.add(new Line(r.getLoggerName(), r.getLevel(), message, id));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
