package io.vaultpki.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs an application's {@code main} in a child JVM started by the bench ({@code java -cp <app>-all.jar:<dir>
 * io.vaultpki.bench.AppHost <main class>}) and answers the bench on stdin: {@code mem} runs {@link System#gc()} and
 * prints one {@code BENCH-MEM rss=<kB> heap=<bytes> threads=<live Java threads>} line. The JVM exits when stdin closes, so a dying bench leaves
 * no orphan. Uses the JDK only: the bench copies this one class next to the application's jar.
 */
public final class AppHost {

    static final String MEMORY_LINE = "BENCH-MEM";

    private AppHost() {
    }

    public static void main(String[] args) throws Exception {
        Thread control = new Thread(AppHost::control, "bench-control");
        control.setDaemon(true);
        control.start();
        Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }

    private static void control() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.trim().equals("mem")) {
                    System.gc();
                    System.gc();
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    System.out.println(MEMORY_LINE + " rss=" + rssKiB() + " heap=" + heap.getUsed() + " threads="
                            + Thread.getAllStackTraces().size());
                    System.out.flush();
                }
            }
        } catch (Exception e) {
            // stdin broke: the bench is gone
        }
        Runtime.getRuntime().halt(0);
    }

    /** VmRSS of this process in KiB from /proc/self/status; -1 where there is no /proc. */
    static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
