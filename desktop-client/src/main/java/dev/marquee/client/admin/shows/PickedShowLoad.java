package dev.marquee.client.admin.shows;

import dev.marquee.client.common.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One read of the picked show's figures on the task executor, as a tool's {@link Coalescer} work: busy while it
 * runs; its answer shown, or its failure said in the show's words, only if that show is still the one picked (the
 * administrator may pick another while it is read). Called on the FX thread.
 *
 * @param <T> what is read
 */
public final class PickedShowLoad<T> {

    /** The read itself, off the FX thread. */
    @FunctionalInterface
    public interface Read<T> {
        T of(long showId) throws Exception;
    }

    private final Supplier<ShowRow> picked;
    private final TaskExecutor tasks;
    private final Read<T> read;
    private final Consumer<T> fill;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper errorMessage;

    /** {@code fill} shows an answer; {@code busy} and {@code errorMessage} are the tool's own properties. */
    public PickedShowLoad(Supplier<ShowRow> picked, TaskExecutor tasks, Read<T> read, Consumer<T> fill,
                          ReadOnlyBooleanWrapper busy, ReadOnlyStringWrapper errorMessage) {
        this.picked = picked;
        this.tasks = tasks;
        this.read = read;
        this.fill = fill;
        this.busy = busy;
        this.errorMessage = errorMessage;
    }

    /** Reads the picked show's figures, then calls {@code done}; with no show picked, just calls it. */
    public void load(Runnable done) {
        ShowRow show = picked.get();
        if (show == null) {
            done.run();
            return;
        }
        long showId = show.showId();
        busy.set(true);
        tasks.run(() -> read.of(showId), answer -> {
            if (isPicked(showId)) {
                errorMessage.set("");
                fill.accept(answer);
            }
            finish(done);
        }, failure -> {
            if (isPicked(showId)) {
                errorMessage.set(ShowFailures.describe(failure));
            }
            finish(done);
        });
    }

    private boolean isPicked(long showId) {
        ShowRow show = picked.get();
        return show != null && show.showId() == showId;
    }

    private void finish(Runnable done) {
        busy.set(false);
        done.run();
    }
}
