package dev.marquee.client.common.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

    private static final Receipt SALE = new Receipt("ord-7f3a", "Late Night Jazz", "Today, 20:30", List.of(
            new Receipt.Line("Standing", "", "$25.00", "TK-STAND-0001", "Valid"),
            new Receipt.Line("Premium", "Orchestra Row 1 Seat 5", "$85.00", "TK-PREM-0002", "Valid")),
            "$110.00", "$90.00", "", "");

    @Test
    void aReceiptSavedAsPdfHasThePrintedPagesWordsAndEachTicketsQrCode() throws Exception {
        PdfText pdf = PdfText.read(ReceiptPdf.of(SALE));

        assertEquals(1, pdf.pages());
        for (String words : List.of("Late Night Jazz", "Today, 20:30", "Order ord-7f3a",
                "2 tickets for $110.00 · change given $90.00", "Standing · general admission",
                "Premium · Orchestra Row 1 Seat 5", "$25.00", "$85.00", "TK-STAND-0001", "TK-PREM-0002")) {
            assertTrue(pdf.text().contains(words), "'" + words + "' in:\n" + pdf.text());
        }
        assertEquals(Set.of("TK-STAND-0001", "TK-PREM-0002"), Set.copyOf(pdf.qrCodes()), "the door scans these");
    }

    @Test
    void aCardSaleSaysNoChangeAndTextAStandardFontCannotShowPrintsAsQuestionMarks() throws Exception {
        Receipt card = new Receipt("ord-2", "Jazz 東京 Night", "Sat 18 Jul 2026, 20:00", SALE.tickets().subList(0, 1),
                "$25.00", "", "", "");

        PdfText pdf = PdfText.read(ReceiptPdf.of(card));

        assertTrue(pdf.text().contains("Jazz ?? Night"), pdf.text());
        assertTrue(pdf.text().contains("1 ticket for $25.00\n") || pdf.text().contains("1 ticket for $25.00\r\n"),
                pdf.text());
        assertTrue(!pdf.text().contains("change given"), pdf.text());
    }

    @Test
    void anExchangesReceiptNamesTheOrderItCameFromAndTheDifferenceSettled() throws Exception {
        Receipt exchange = new Receipt("ord-9", "Late Night Jazz", "Today, 20:30", SALE.tickets().subList(1, 2),
                "$60.00", "", "ord-7f3a", "$60.00 paid");

        PdfText pdf = PdfText.read(ReceiptPdf.of(exchange));

        for (String words : List.of("Exchanged from order ord-7f3a", "1 ticket in exchange: $60.00 paid")) {
            assertTrue(pdf.text().contains(words), "'" + words + "' in:\n" + pdf.text());
        }
    }

    @Test
    void aLongSaleGoesOnToMorePagesWithEveryTicket() throws Exception {
        List<Receipt.Line> tickets = IntStream.rangeClosed(1, 12).mapToObj(n -> new Receipt.Line("Standing", "",
                "$25.00", "TK-MANY-%04d".formatted(n), "Valid")).toList();

        PdfText pdf = PdfText.read(ReceiptPdf.of(new Receipt("ord-3", "Late Night Jazz", "Today, 20:30", tickets,
                "$300.00", "", "", "")));

        assertTrue(pdf.pages() > 1, "pages: " + pdf.pages());
        assertEquals(Set.copyOf(tickets.stream().map(Receipt.Line::code).toList()), Set.copyOf(pdf.qrCodes()));
    }
}
