package dev.kerasview.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs a task once the window has drawn the frame that follows now: a timer's handler runs
 * at the start of each frame, before that frame's styling and layout, so its second call
 * comes after the first frame is laid out.
 */
final class AfterNextFrame extends AnimationTimer {

    private final Runnable task;
    private int frames;

    private AfterNextFrame(Runnable task) {
        this.task = task;
    }

    /** Schedules {@code task} on the FX thread after the next frame (call on the FX thread). */
    static void run(Runnable task) {
        new AfterNextFrame(task).start();
    }

    @Override
    public void handle(long now) {
        if (++frames == 2) {
            stop();
            task.run();
        }
    }
}
