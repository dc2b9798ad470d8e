package vn.directivetracker.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean that makes the engine faster without changing what it does: all of them are switched off
 * together with {@code directive.engine.tuning=false}, to tell a fault of a tuning from one of the engine
 * (docs/performance.md says what each buys and costs). The security rules of this package are no tuning
 * and never switch off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "directive.engine.tuning", havingValue = "true", matchIfMissing = true)
public @interface EngineTuning {
}
