package dev.kerasview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredTextTest {

    @Test
    void madeTextIsReturnedAsGiven() {
        assertEquals("{\"units\": 2}", DeferredText.of("{\"units\": 2}").get());
    }

    @Test
    void deferredTextIsMadeOnFirstReadOnly() {
        AtomicInteger made = new AtomicInteger();
        DeferredText t = DeferredText.from(() -> "text " + made.incrementAndGet());
        assertEquals(0, made.get(), "nothing is made before the text is read");
        assertEquals("text 1", t.get());
        assertEquals("text 1", t.get());
        assertEquals(1, made.get());
    }

    @Test
    void threadsReadingAtOnceGetOneText() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        DeferredText t = DeferredText.from(() -> "text " + made.incrementAndGet());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return t.get();
                }));
            }
            start.countDown();
            for (Future<String> r : reads) {
                assertEquals("text 1", r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, made.get());
    }

    @Test
    void equalityIsByText() {
        assertEquals(DeferredText.of("a"), DeferredText.from(() -> "a"));
        assertEquals(DeferredText.of("a").hashCode(), DeferredText.from(() -> "a").hashCode());
        assertNotEquals(DeferredText.of("a"), DeferredText.of("b"));
    }

    @Test
    void aSourceThatGivesNoTextIsAnError() {
        DeferredText t = DeferredText.from(() -> null);
        assertThrows(NullPointerException.class, t::get);
        assertThrows(NullPointerException.class, () -> DeferredText.of(null));
    }
}
