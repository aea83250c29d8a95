package dev.marquee.client.common.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A PDF written from the top of a US Letter page down, the way the counter's printouts read: lines of text and
 * QR codes, a new page where one is full. The fonts are the PDF standard ones every reader has, so nothing is
 * embedded; they cover Latin text (WinAnsi), and any other character prints as '?' rather than failing the whole
 * document, as the server's ticket PDF does. QR codes are drawn as vector squares, sharp at any size.
 */
final class PdfWriter implements AutoCloseable {

    /** The three faces the printouts use. */
    enum Face { REGULAR, BOLD, CODE }

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    static final float LEFT = 54;
    static final float WIDTH = PAGE.getWidth() - 2 * LEFT;
    private static final float TOP = PAGE.getHeight() - LEFT;

    private final PDDocument document = new PDDocument();
    private final Map<Face, PDFont> fonts = Map.of(
            Face.REGULAR, new PDType1Font(Standard14Fonts.FontName.HELVETICA),
            Face.BOLD, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
            Face.CODE, new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD));
    private PDPageContentStream content;
    private float y;

    PdfWriter(String title) {
        document.getDocumentInformation().setTitle(printable(fonts.get(Face.REGULAR), title));
        document.getDocumentInformation().setCreator("Marquee");
    }

    /** One line at the left margin, below the last thing written. */
    void line(Face face, float size, String text) {
        y = text(face, size, LEFT, room(size * 1.3f), text, WIDTH);
    }

    /** A label at the left margin and its figure flush with the right one, on one line. */
    void row(String label, String figure, float size) {
        float top = room(size * 1.3f);
        PDFont font = fonts.get(Face.REGULAR);
        String shown = printable(font, figure);
        float figureWidth = width(font, shown) * size;
        text(Face.REGULAR, size, LEFT, top, label, WIDTH - figureWidth - 12);
        y = text(Face.REGULAR, size, LEFT + WIDTH - figureWidth, top, figure, figureWidth);
    }

    void gap(float points) {
        y -= points;
    }

    /**
     * Makes room for a block this tall below the last thing written, on a new page when this one cannot hold it;
     * answers the block's top. The caller draws the block, then {@link #moveTo} its bottom.
     */
    float room(float height) {
        if (content == null || y - height < LEFT) {
            newPage();
        }
        return y;
    }

    void moveTo(float top) {
        y = top;
    }

    /** One line whose top is at {@code top}, shrunk to fit {@code width}; answers the next line's top. */
    float text(Face face, float size, float x, float top, String text, float width) {
        PDFont font = fonts.get(face);
        String shown = printable(font, text);
        float atOne = width(font, shown);
        float fitted = atOne * size <= width || atOne == 0 ? size : Math.max(6, width / atOne);
        float baseline = top - fitted;
        try {
            content.beginText();
            content.setFont(font, fitted);
            content.newLineAtOffset(x, baseline);
            content.showText(shown);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException("A line of a PDF could not be written", e);
        }
        return baseline - fitted * 0.3f;
    }

    /** The code as a QR code (error correction M, as on the server's tickets), its top left corner at x, top. */
    void qr(String code, float x, float top, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + code.length() + " characters", e);
        }
        float module = size / matrix.getWidth();
        try {
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        content.addRect(x + col * module, top - (row + 1) * module, module, module);
                    }
                }
            }
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException("A QR code could not be drawn", e);
        }
    }

    /** The finished document. */
    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            closePage();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A PDF could not be written", e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException("A PDF could not be closed", e);
        }
    }

    private void newPage() {
        closePage();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException("A PDF page could not be started", e);
        }
        y = TOP;
    }

    private void closePage() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException("A PDF page could not be finished", e);
            }
            content = null;
        }
    }

    /** The text's width at size 1. */
    private static float width(PDFont font, String shown) {
        try {
            return font.getStringWidth(shown) / 1000;
        } catch (IOException e) {
            throw new UncheckedIOException("A line of a PDF could not be measured", e);
        }
    }

    /** The text with every character the font cannot show, and every control character, as '?'. */
    static String printable(PDFont font, String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            String one = new String(Character.toChars(point));
            safe.append(Character.isISOControl(point) || !encodable(font, one) ? "?" : one);
        });
        return safe.toString();
    }

    private static boolean encodable(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
