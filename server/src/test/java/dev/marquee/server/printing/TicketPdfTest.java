package dev.marquee.server.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Download;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Print-at-home tickets: one page per valid ticket whose QR code scans as its code; only for those who may see it. */
class TicketPdfTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFansOrderPrintsOnePagePerTicketWithAQrCodeThatScansAsItsCode() throws Exception {
        Shows.Show show = shows.seated(2, 4, Tier.rows("Stalls", 4_250, 1, 2));
        ApiClient fan = server.fan();
        JsonNode order = buy(fan, show, List.of(shows.row(show, 1).get(0), shows.row(show, 1).get(1)));

        Download pdf = fan.download("/api/orders/" + order.get("id").asText() + "/tickets.pdf");

        assertEquals(200, pdf.status(), pdf::text);
        assertEquals("application/pdf", pdf.contentType());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(2, document.getNumberOfPages());
            for (int page = 0; page < 2; page++) {
                JsonNode ticket = order.get("tickets").get(page);
                String text = pageText(document, page);
                assertTrue(text.contains(ticket.get("code").asText()), text);
                assertTrue(text.contains(ticket.get("seatLabel").asText()), text);
                assertTrue(text.contains("Stalls"), text);
                assertTrue(text.contains("$42.50"), text);
                assertTrue(text.contains(order.get("eventTitle").asText()), text);
                assertTrue(text.contains("TICKET " + (page + 1) + " OF 2"), text);
                assertEquals(ticket.get("code").asText(), scan(document, page), "the QR code is the ticket's code");
            }
        }
    }

    @Test
    void refundedTicketsAreLeftOutAndAnOrderWithNoneLeftSaysSo() throws Exception {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        ApiClient clerk = server.clerk();
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 3)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        String orderId = sale.body().get("id").asText();
        String first = sale.body().get("tickets").get(0).get("id").asText();
        assertEquals(200, clerk.postOnce("/api/orders/" + orderId + "/refund", Map.of("ticketIds", List.of(first)))
                .status());

        try (PDDocument document = Loader.loadPDF(clerk.download("/api/orders/" + orderId + "/tickets.pdf").body())) {
            assertEquals(2, document.getNumberOfPages(), "the two tickets still valid");
        }
        assertEquals(200, clerk.postOnce("/api/orders/" + orderId + "/refund", Map.of()).status());
        try (PDDocument document = Loader.loadPDF(clerk.download("/api/orders/" + orderId + "/tickets.pdf").body())) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(pageText(document, 0).contains("no valid tickets"), pageText(document, 0));
        }
    }

    @Test
    void textOutsideTheStandardFontsPrintsAsQuestionMarksInsteadOfFailing() throws Exception {
        Shows.Show show = shows.ga(Tier.ga("Böhne 東", 1_000, 10));
        server.update("UPDATE events SET title = ? WHERE id = (SELECT event_id FROM shows WHERE id = ?)",
                "Señora 東京 🎸 Tour", show.id());
        JsonNode order = buy(server.fan(), show, null);

        Download pdf = server.admin().download("/api/orders/" + order.get("id").asText() + "/tickets.pdf");

        assertEquals(200, pdf.status(), pdf::text);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = pageText(document, 0);
            assertTrue(text.contains("Señora ?? ? Tour"), text);
            assertTrue(text.contains("Böhne ?"), text);
        }
    }

    @Test
    void anotherFanStrangersAndUnknownOrdersAreAnsweredInTheContractsShape() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        JsonNode order = buy(server.fan(), show, null);
        String path = "/api/orders/" + order.get("id").asText() + "/tickets.pdf";

        Download otherFan = server.fan().download(path);
        assertEquals(404, otherFan.status(), "another fan's order does not exist for them");
        assertTrue(otherFan.text().contains("\"error\":\"NOT_FOUND\""), otherFan::text);
        assertEquals(401, server.anonymous().download(path).status());
        assertEquals(200, server.clerk().download(path).status(), "staff print at the counter");
        assertEquals(404, server.admin().download("/api/orders/" + UUID.randomUUID() + "/tickets.pdf").status());
        assertEquals(404, server.admin().download("/api/orders/not-a-uuid/tickets.pdf").status());
    }

    /** A fan's order: GA (one ticket) when {@code seatIds} is null, else those seats. */
    private static JsonNode buy(ApiClient fan, Shows.Show show, List<Long> seatIds) {
        Map<String, Object> wanted = seatIds == null
                ? Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)))
                : Map.of("showId", show.id(), "seatIds", seatIds);
        ApiResponse hold = fan.postOnce("/api/holds", wanted);
        assertEquals(201, hold.status(), hold::toString);
        ApiResponse order = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD));
        assertEquals(201, order.status(), order::toString);
        return order.body();
    }

    private static String pageText(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return stripper.getText(document);
    }

    private static String scan(PDDocument document, int page) throws Exception {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 100);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
