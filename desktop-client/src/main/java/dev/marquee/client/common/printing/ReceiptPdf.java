package dev.marquee.client.common.printing;

import dev.marquee.client.common.printing.PdfWriter.Face;

/**
 * A sale's receipt as a PDF, with what its printed page has (TicketPrintout): the event, its time, the order, the
 * tickets and total with the change given, then each ticket with its QR code, tier and seat, price and code.
 */
public final class ReceiptPdf {

    private static final float QR_SIZE = 108;
    private static final float TICKET_GAP = 18;

    private ReceiptPdf() {
    }

    public static byte[] of(Receipt receipt) {
        try (PdfWriter pdf = new PdfWriter("Receipt: " + receipt.eventTitle())) {
            pdf.line(Face.BOLD, 20, receipt.eventTitle());
            pdf.line(Face.REGULAR, 12, receipt.startsAt());
            pdf.line(Face.REGULAR, 12, "Order " + receipt.orderId());
            if (!receipt.exchangedFromOrderId().isEmpty()) {
                pdf.line(Face.REGULAR, 12, "Exchanged from order " + receipt.exchangedFromOrderId());
            }
            pdf.line(Face.BOLD, 12, receipt.summary()
                    + (receipt.changeDue().isEmpty() ? "" : " · change given " + receipt.changeDue()));
            pdf.gap(TICKET_GAP);
            for (Receipt.Line line : receipt.tickets()) {
                ticket(pdf, receipt, line);
            }
            return pdf.bytes();
        }
    }

    private static void ticket(PdfWriter pdf, Receipt receipt, Receipt.Line line) {
        float top = pdf.room(QR_SIZE + TICKET_GAP);
        pdf.qr(line.code(), PdfWriter.LEFT, top, QR_SIZE);
        float x = PdfWriter.LEFT + QR_SIZE + 18;
        float width = PdfWriter.LEFT + PdfWriter.WIDTH - x;
        float next = pdf.text(Face.BOLD, 13, x, top, receipt.eventTitle(), width);
        next = pdf.text(Face.REGULAR, 11, x, next - 2, receipt.startsAt(), width);
        next = pdf.text(Face.REGULAR, 11, x, next - 2,
                line.tier() + (line.seat().isEmpty() ? " · general admission" : " · " + line.seat()), width);
        next = pdf.text(Face.BOLD, 11, x, next - 2, line.price(), width);
        pdf.text(Face.CODE, 11, x, next - 2, line.code(), width);
        pdf.moveTo(top - QR_SIZE - TICKET_GAP);
    }
}
