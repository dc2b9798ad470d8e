package vn.directivetracker.bench;

import java.util.List;

/**
 * How much work each figure of the benchmark measures: {@code quick} (about three minutes, for a change
 * under review), {@code lifecycles} (only the lifecycle figures, three rounds) or {@code full} (the figures of
 * docs/performance.md), chosen by -Dbench.mode.
 */
record BenchMode(String name, int warmup, int rawLifecycles, int lifecycles, int issue60Samples, int timers,
    int escalations, List<Integer> openTaskLevels, int querySamples) {

  static final int THREADS = 4;
  /** Rounds of raw and our lifecycles in mode {@code lifecycles}. */
  static final int LIFECYCLE_ROUNDS = 3;

  static BenchMode current() {
    String mode = System.getProperty("bench.mode", "quick");
    return switch (mode) {
      case "quick" -> new BenchMode(mode, 60, 400, 200, 6, 1_000, 1_000, List.of(10_000), 40);
      // A few seconds of each figure: for working on the benchmark itself, not for numbers.
      // Only the lifecycle figures, in three alternating rounds: for comparing two builds (about 90 seconds).
      case "lifecycles" -> new BenchMode(mode, 60, 600, 400, 0, 0, 0, List.of(), 0);
      case "smoke" -> new BenchMode(mode, 20, 100, 40, 2, 200, 200, List.of(1_500), 10);
      case "full" -> new BenchMode(mode, 200, 2_000, 1_000, 20, 10_000, 10_000, List.of(10_000, 30_000, 100_000), 200);
      default -> throw new IllegalArgumentException("bench.mode is smoke, quick, lifecycles or full, not " + mode);
    };
  }

  boolean lifecyclesOnly() {
    return name.equals("lifecycles");
  }
}
