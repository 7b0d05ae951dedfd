package io.nexusconnect.connectionservice;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log line the service writes while installed (root logger), with its exception chain, to search for secrets. */
final class CapturedLogs extends Handler {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    static CapturedLogs install() {
        CapturedLogs logs = new CapturedLogs();
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        for (Throwable t = record.getThrown(); t != null && t != t.getCause(); t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
