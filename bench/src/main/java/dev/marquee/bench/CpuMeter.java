package dev.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time from /proc: the server process, the benchmark's PostgreSQL (its postmaster and every process it
 * started), and this generator, in microseconds of user plus system time. Clock ticks are 1/100 s (USER_HZ).
 */
final class CpuMeter {

    private static final long MICROS_PER_TICK = 10_000;

    /** CPU used so far by the server, the database and the generator. */
    record Sample(long serverMicros, long databaseMicros, long generatorMicros) {
        Sample minus(Sample earlier) {
            return new Sample(serverMicros - earlier.serverMicros, databaseMicros - earlier.databaseMicros,
                    generatorMicros - earlier.generatorMicros);
        }
    }

    private CpuMeter() {
    }

    static Sample sample(long serverPid, long postmasterPid) {
        return new Sample(processMicros(serverPid), postgresMicros(postmasterPid),
                processMicros(ProcessHandle.current().pid()));
    }

    /** User plus system time of one {@code /proc/<pid>/stat} line, in microseconds. */
    static long statMicros(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3); utime and stime are fields 14 and 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
    }

    /** The system time (stime, field 15) of a {@code /proc/<pid>/stat} line, in microseconds. */
    static long kernelMicros(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[12]) * MICROS_PER_TICK;
    }

    /**
     * User plus system time of the children a {@code /proc/<pid>/stat} line's process has waited for (cutime and
     * cstime, fields 16 and 17), in microseconds: where a PostgreSQL backend's time goes when it exits.
     */
    static long reapedChildrenMicros(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MICROS_PER_TICK;
    }

    /** The parent process id of a {@code /proc/<pid>/stat} line (field 4). */
    static long parentOf(String statLine) {
        return Long.parseLong(statLine.substring(statLine.lastIndexOf(')') + 2).split(" ")[1]);
    }

    /** The {@link #byThreadKind} entry that sums every thread's time in the kernel, already counted in its kind. */
    static final String IN_KERNEL = "(of which in the kernel)";

    /**
     * CPU used so far by each kind of a process's threads, by thread name with its digits dropped (so every
     * {@code ForkJoinPool-1-worker-N}, the carriers of the server's virtual threads, count as one kind), and
     * {@link #IN_KERNEL}. Linux keeps only a name's first 15 characters.
     */
    static Map<String, Long> byThreadKind(long pid) {
        Map<String, Long> kinds = new TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    kinds.merge(name.replaceAll("[0-9]+", "#"), statMicros(stat), Long::sum);
                    kinds.merge(IN_KERNEL, kernelMicros(stat), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException gone) {
            // the process ended
        }
        return kinds;
    }

    /** What each kind of thread used between two {@link #byThreadKind} readings. */
    static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> used = new TreeMap<>();
        later.forEach((kind, micros) -> used.put(kind, micros - earlier.getOrDefault(kind, 0L)));
        return used;
    }

    private static long processMicros(long pid) {
        try {
            return statMicros(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long postgresMicros(long postmasterPid) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> {
                        try {
                            String stat = Files.readString(path.resolve("stat"));
                            long pid = Long.parseLong(path.getFileName().toString());
                            // A backend that exited since the last sample is no longer listed; its time moved into
                            // the postmaster's reaped-children time, so counting that keeps the sum from shrinking.
                            if (pid == postmasterPid) {
                                return statMicros(stat) + reapedChildrenMicros(stat);
                            }
                            return parentOf(stat) == postmasterPid ? statMicros(stat) : 0;
                        } catch (IOException | RuntimeException gone) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
