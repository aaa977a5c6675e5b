package dev.kerasview;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that asserts wall-clock time or runs a long fuzz round: {@code mvn verify} runs
 * these in their own Surefire execution ({@code timing}), reported apart from the rest, so a
 * slow shared machine shows up as such and not as a broken feature.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("timing")
public @interface Timing {
}
