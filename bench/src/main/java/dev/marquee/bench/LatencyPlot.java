package dev.marquee.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * p99 (solid) and p50 (dashed) latency, log scale, against confirmed bookings a second, one colour per strategy,
 * from the hot-tier sweep. Drawn with AWT, headless.
 */
final class LatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private LatencyPlot() {
    }

    static void write(Path file, List<Scenarios.Measured> naive, List<Scenarios.Measured> optimized)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        double maxX = 1;
        for (Scenarios.Measured step : concat(naive, optimized)) {
            maxX = Math.max(maxX, step.result().acceptedPerSec());
        }
        maxX *= 1.1;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Hot tier: p99 (solid) and p50 (dashed) latency vs confirmed bookings/s", LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (double ms : new double[] {1, 10, 100, 1000, 10000}) {
            int y = y(ms);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT + 1, y, WIDTH - RIGHT - 1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString((ms >= 1000 ? (int) (ms / 1000) + " s" : (int) ms + " ms"), 20, y + 4);
        }
        for (int i = 0; i <= 5; i++) {
            double value = maxX * i / 5;
            int x = x(value, maxX);
            g.drawString(String.format(Locale.ROOT, "%.0f", value), x - 15, HEIGHT - BOTTOM + 20);
        }
        g.drawString("confirmed bookings per second", WIDTH / 2 - 80, HEIGHT - 15);
        line(g, naive, maxX, new Color(200, 60, 60), "naive", 0);
        line(g, optimized, maxX, new Color(40, 110, 200), "optimized", 1);
        medianLine(g, naive, maxX, new Color(200, 60, 60));
        medianLine(g, optimized, maxX, new Color(40, 110, 200));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void line(Graphics2D g, List<Scenarios.Measured> steps, double maxX, Color color, String label,
                             int legendRow) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int[] previous = null;
        for (Scenarios.Measured step : steps) {
            int x = x(step.result().acceptedPerSec(), maxX);
            int y = y(Math.max(0.1, LoadResult.millis(step.result().accepted(), 99)));
            g.fillOval(x - 4, y - 4, 8, 8);
            if (previous != null) {
                g.drawLine(previous[0], previous[1], x, y);
            }
            previous = new int[] {x, y};
        }
        g.fillRect(WIDTH - RIGHT - 130, TOP + 15 + legendRow * 20, 20, 4);
        g.drawString(label, WIDTH - RIGHT - 100, TOP + 20 + legendRow * 20);
    }

    private static void medianLine(Graphics2D g, List<Scenarios.Measured> steps, double maxX, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
        int[] previous = null;
        for (Scenarios.Measured step : steps) {
            int x = x(step.result().acceptedPerSec(), maxX);
            int y = y(Math.max(0.1, LoadResult.millis(step.result().accepted(), 50)));
            g.drawRect(x - 3, y - 3, 6, 6);
            if (previous != null) {
                g.drawLine(previous[0], previous[1], x, y);
            }
            previous = new int[] {x, y};
        }
    }

    private static int x(double value, double maxX) {
        return LEFT + (int) ((WIDTH - LEFT - RIGHT) * value / maxX);
    }

    /** Log scale from 0.1 ms at the bottom to 10 s at the top. */
    private static int y(double millis) {
        double position = (Math.log10(Math.max(0.1, Math.min(10000, millis))) + 1) / 5;
        return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * position);
    }

    private static List<Scenarios.Measured> concat(List<Scenarios.Measured> a, List<Scenarios.Measured> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
