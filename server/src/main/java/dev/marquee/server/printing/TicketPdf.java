package dev.marquee.server.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Print-at-home tickets (docs/api-v1.2.md, "Print-at-home"): one US Letter page per valid ticket with its QR code (the
 * ticket's code, as the door scans it), the show, the seat or tier, the price and the code in letters, drawn with
 * PDFBox. The QR code is drawn as vector squares, so it prints sharp at any size. An order with no valid ticket
 * left (refunded or all checked in) prints one page that says so.
 */
public final class TicketPdf {

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 54;
    private static final float QR_SIZE = 216;
    private static final float TICKET_HEIGHT = 440;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a zzz", Locale.US);

    private final ZoneId timeZone;

    public TicketPdf(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    /** The order's valid tickets as a PDF; {@code venueName} is where the show plays. */
    public byte[] print(OrderView order, String venueName) {
        List<TicketView> valid = order.tickets().stream().filter(t -> t.status() == TicketStatus.VALID).toList();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts fonts = new Fonts();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(fonts.printable("Tickets: " + order.eventTitle()));
            info.setCreator("Marquee");
            if (valid.isEmpty()) {
                nothingToPrint(document, fonts, order);
            }
            for (int i = 0; i < valid.size(); i++) {
                ticketPage(document, fonts, order, venueName, valid.get(i), i + 1, valid.size());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A ticket PDF could not be written", e);
        }
    }

    private void ticketPage(PDDocument document, Fonts fonts, OrderView order, String venueName, TicketView ticket,
                            int number, int of) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float top = PAGE.getHeight() - MARGIN;
            float width = PAGE.getWidth() - 2 * MARGIN;
            content.setLineWidth(1.5f);
            content.addRect(MARGIN, top - TICKET_HEIGHT, width, TICKET_HEIGHT);
            content.stroke();

            float y = top - 36;
            y = text(content, fonts.bold, 11, MARGIN + 24, y, "MARQUEE  ·  TICKET " + number + " OF " + of, fonts);
            y = text(content, fonts.bold, fit(fonts, fonts.bold, 24, width - 48, order.eventTitle()), MARGIN + 24,
                    y - 14, order.eventTitle(), fonts);
            y = text(content, fonts.regular, 13, MARGIN + 24, y - 6, WHEN.format(order.startsAt().atZone(timeZone)),
                    fonts);
            y = text(content, fonts.regular, 13, MARGIN + 24, y - 2, venueName, fonts);

            float qrTop = y - 24;
            qr(content, ticket.code(), MARGIN + 24, qrTop - QR_SIZE, QR_SIZE);
            float column = MARGIN + 24 + QR_SIZE + 28;
            float columnWidth = PAGE.getWidth() - MARGIN - 20 - column;
            float line = qrTop - 8;
            line = text(content, fonts.regular, 11, column, line, "Seat", fonts);
            String seat = ticket.seatLabel() == null ? "General admission" : ticket.seatLabel();
            line = text(content, fonts.bold, fit(fonts, fonts.bold, 20, columnWidth, seat), column, line - 2, seat,
                    fonts);
            line = text(content, fonts.regular, 11, column, line - 14, "Tier", fonts);
            line = text(content, fonts.bold, fit(fonts, fonts.bold, 16, columnWidth, ticket.tierName()), column,
                    line - 2, ticket.tierName(), fonts);
            line = text(content, fonts.regular, 11, column, line - 14, "Price", fonts);
            line = text(content, fonts.bold, 16, column, line - 2, dollars(ticket.priceCents()), fonts);
            line = text(content, fonts.regular, 11, column, line - 14, "Code", fonts);
            text(content, fonts.code, fit(fonts, fonts.code, 16, columnWidth, ticket.code()), column, line - 2,
                    ticket.code(), fonts);

            float foot = qrTop - QR_SIZE - 28;
            foot = text(content, fonts.regular, 10, MARGIN + 24, foot, "Order " + order.id()
                    + (order.customerName() == null ? "" : "  ·  " + order.customerName()), fonts);
            text(content, fonts.regular, 10, MARGIN + 24, foot - 2,
                    "Show this page or its code at the door. Each code admits one person, once.", fonts);
        }
    }

    private static void nothingToPrint(PDDocument document, Fonts fonts, OrderView order) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = PAGE.getHeight() - MARGIN - 36;
            y = text(content, fonts.bold, 20, MARGIN, y, order.eventTitle(), fonts);
            y = text(content, fonts.regular, 13, MARGIN, y - 10, "Order " + order.id(), fonts);
            text(content, fonts.regular, 13, MARGIN, y - 10,
                    "This order has no valid tickets to print: they were refunded, exchanged or already used.", fonts);
        }
    }

    /** One line of text whose top is at {@code top}; answers the baseline of the next line's top. */
    private static float text(PDPageContentStream content, PDFont font, float size, float x, float top, String text,
                              Fonts fonts) throws IOException {
        float baseline = top - size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(fonts.printable(text));
        content.endText();
        return baseline - size * 0.3f;
    }

    /** The size at most {@code size} at which {@code text} fits {@code width}: long titles and seats shrink. */
    private static float fit(Fonts fonts, PDFont font, float size, float width, String text) throws IOException {
        float atOne = font.getStringWidth(fonts.printable(text)) / 1000;
        return atOne * size <= width ? size : Math.max(6, width / atOne);
    }

    private static void qr(PDPageContentStream content, String code, float x, float y, float size)
            throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException("A ticket code does not fit a QR code", e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    content.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }

    private static String dollars(long cents) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(BigDecimal.valueOf(cents, 2));
    }

    /**
     * The standard fonts every PDF reader has, so nothing is embedded. They cover Latin text (WinAnsi); any other
     * character an organizer or a fan typed prints as '?' instead of failing the whole ticket.
     */
    private static final class Fonts {
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDFont code = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

        String printable(String text) {
            StringBuilder safe = new StringBuilder(text.length());
            text.codePoints().forEach(point -> {
                String one = new String(Character.toChars(point));
                safe.append(Character.isISOControl(point) || !encodable(one) ? "?" : one);
            });
            return safe.toString();
        }

        private boolean encodable(String character) {
            try {
                regular.encode(character);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
