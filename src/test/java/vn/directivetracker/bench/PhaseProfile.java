package vn.directivetracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Where a phase's CPU time went in the JVM: with {@code -Dbench.profile=true} each measured phase gets its
 * own flight recording (Java's "profile" settings), target/bench/PHASE.jfr, beside its SQL statements. Read
 * it with {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control. Off by default: the
 * recording itself costs a few percent.
 */
final class PhaseProfile {

  private final Path dir;
  private final boolean enabled = Boolean.getBoolean("bench.profile");
  private Recording recording;

  PhaseProfile(Path dir) {
    this.dir = dir;
  }

  void start() throws Exception {
    if (!enabled) {
      return;
    }
    recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
  }

  void stop(String phase) throws Exception {
    if (recording == null) {
      return;
    }
    recording.stop();
    Files.createDirectories(dir);
    recording.dump(dir.resolve(phase + ".jfr"));
    recording.close();
    recording = null;
  }
}
