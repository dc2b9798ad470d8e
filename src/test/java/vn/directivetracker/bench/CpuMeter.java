package vn.directivetracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the machine's PostgreSQL processes between two readings. On a shared
 * two-core machine the throughput of a phase moves by a fifth from run to run with whatever else runs; the
 * CPU time its work took moves much less, so it says better what a change bought. PostgreSQL's share is read
 * from /proc (Linux; zero elsewhere), clock ticks of 10 ms, each process's own time and its reaped children's:
 * a backend that exits (the raw engine's, when its pool closes) passes its ticks on to the postmaster, which
 * reaps it, so the sum never goes back (it did without the children's: a negative figure for the phase after).
 */
final class CpuMeter {

  /** Clock ticks a second of /proc/PID/stat (USER_HZ, 100 on Linux/x86). */
  static final int TICKS_PER_SECOND = 100;

  record Reading(long jvmNanos, long postgresTicks) {
    double jvmMsSince(Reading before) {
      return (jvmNanos - before.jvmNanos) / 1e6;
    }

    double postgresMsSince(Reading before) {
      return (postgresTicks - before.postgresTicks) * 1000.0 / TICKS_PER_SECOND;
    }
  }

  static Reading read() {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Reading(jvm, postgresTicks());
  }

  private static long postgresTicks() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(CpuMeter::ticksIfPostgres).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long ticksIfPostgres(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (!stat.substring(open + 1, close).startsWith("postgres")) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13 and cstime 14 (reaped children).
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
