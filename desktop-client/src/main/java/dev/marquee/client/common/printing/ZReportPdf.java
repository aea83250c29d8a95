package dev.marquee.client.common.printing;

import dev.marquee.client.common.printing.PdfWriter.Face;

/** A closed drawer's Z-report as a PDF: the figures its printed page has, one label and figure per line. */
public final class ZReportPdf {

    private ZReportPdf() {
    }

    public static byte[] of(ZReport report) {
        try (PdfWriter pdf = new PdfWriter("Z-report")) {
            pdf.line(Face.BOLD, 20, "Z-report");
            pdf.gap(8);
            for (ZReport.Row row : report.rows()) {
                pdf.row(row.label(), row.figure(), 12);
            }
            return pdf.bytes();
        }
    }
}
