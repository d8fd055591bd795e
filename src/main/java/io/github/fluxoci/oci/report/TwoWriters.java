package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes two groups of reports at the same time, one on a thread of its own: in the cold JVM a goal runs in, a report
 * costs mostly the loading and first runs of its code (the JSON writer's, the Markdown renderer's), and the machine
 * has a second core for it (issue #13). Each write is atomic; when one fails the other still ends, and the first
 * failure is thrown.
 */
final class TwoWriters {

    /** One group of report writes. */
    interface Write {
        void run() throws IOException;
    }

    private TwoWriters() {
    }

    static void run(Write aside, Write here) throws IOException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            aside.run();
            here.run();
            return;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            aside.run();
            return null;
        });
        Thread thread = new Thread(task, "oci-report-writer");
        thread.setDaemon(true);
        thread.start();
        IOException failure = null;
        try {
            here.run();
        } catch (IOException e) {
            failure = e;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing reports", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (failure == null) {
                failure = cause instanceof IOException io ? io : new IOException(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
