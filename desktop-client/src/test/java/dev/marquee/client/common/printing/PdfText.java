package dev.marquee.client.common.printing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back as a reader would: its pages, its text, and the QR codes a scanner finds on each page. */
record PdfText(int pages, String text, List<String> qrCodes) {

    static PdfText read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> codes = new ArrayList<>();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                codes.addAll(qrCodes(renderer.renderImageWithDPI(page, 150, ImageType.RGB)));
            }
            return new PdfText(document.getNumberOfPages(), new PDFTextStripper().getText(document), codes);
        }
    }

    private static List<String> qrCodes(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return Arrays.stream(new QRCodeMultiReader().decodeMultiple(bitmap)).map(Result::getText).toList();
        } catch (NotFoundException none) {
            return List.of();
        }
    }
}
