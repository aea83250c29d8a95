package dev.marquee.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Download;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report and the audit log as CSV: RFC 4180, formula-guarded, for administrators only. */
class ExportTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theReportIsOneRowPerTierPerChannelAndATotal() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10), Tier.ga("Balcony, \"front\"", 2_500, 5));
        ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2),
                        Map.of("tierId", show.tier(1), "quantity", 1)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);

        Download csv = admin.download("/api/admin/shows/" + show.id() + "/report.csv");

        assertEquals(200, csv.status(), csv::text);
        assertEquals("text/csv; charset=utf-8", csv.contentType().toLowerCase());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("report.csv"));
        assertEquals(List.of(
                "line,tierId,name,capacity,sold,held,available,checkedIn,tickets,revenueCents",
                "tier," + show.tier(0) + ",Floor,10,2,0,8,0,2,2000",
                "tier," + show.tier(1) + ",\"Balcony, \"\"front\"\"\",5,1,0,4,0,1,2500",
                "channel,,ONLINE,,,,,,0,0",
                "channel,,BOX_OFFICE,,,,,,3,4500",
                "total,,,15,3,0,12,0,3,4500"), lines(csv));
        assertTrue(csv.text().endsWith("\r\n"), "every record ends with CRLF");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasOpenAsText() {
        // Names are stripped of surrounding white space when saved, so a leading tab or CR is CsvTest's to check.
        String[] hostile = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)"};
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        for (String name : hostile) {
            ApiResponse tier = admin.post("/api/admin/shows/" + show.id() + "/tiers",
                    Map.of("name", name, "priceCents", 500, "capacity", 1));
            assertEquals(201, tier.status(), tier::toString);
        }

        String report = admin.download("/api/admin/shows/" + show.id() + "/report.csv").text();
        assertTrue(report.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",1,"), report);
        assertTrue(report.contains(",'+1+1,1,"), report);
        assertTrue(report.contains(",'-2+3,1,"), report);
        assertTrue(report.contains(",'@SUM(A1),1,"), report);
        for (String line : report.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertTrue(!Csv.formula(cell.startsWith("\"") ? cell.substring(1) : cell), "unguarded: " + cell);
            }
        }
    }

    @Test
    void theAuditLogExportsNewestFirstWithItsDetailsAsJson() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        assertEquals(200, admin.patch("/api/admin/tiers/" + show.tier(0), Map.of("priceCents", 1_200)).status());
        assertEquals(200, admin.patch("/api/admin/shows/" + show.id(), Map.of("onSale", false)).status());

        Download csv = admin.download("/api/admin/audit.csv?showId=" + show.id());

        assertEquals(200, csv.status(), csv::text);
        assertEquals("text/csv; charset=utf-8", csv.contentType().toLowerCase());
        List<String> lines = lines(csv);
        assertEquals("id,at,actor,action,showId,details", lines.get(0));
        assertEquals(3, lines.size(), csv::text);
        assertTrue(lines.get(1).contains(",SHOW_ON_SALE_CHANGED," + show.id() + ",\"{"), lines::toString);
        assertTrue(lines.get(1).contains("\"\"from\"\":true"), lines::toString);
        assertTrue(lines.get(2).contains(",TIER_CHANGED," + show.id() + ","), lines::toString);
        assertEquals(200, admin.download("/api/admin/audit.csv").status(), "every show's log too");
    }

    @Test
    void onlyAdministratorsExportAndBadRequestsAnswerInTheContractsShape() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        String report = "/api/admin/shows/" + show.id() + "/report.csv";

        assertEquals(401, server.anonymous().download(report).status());
        assertEquals(403, server.fan().download(report).status());
        assertEquals(403, server.clerk().download("/api/admin/audit.csv").status());
        Download unknown = admin.download("/api/admin/shows/999999999/report.csv");
        assertEquals(404, unknown.status());
        assertTrue(unknown.text().contains("\"error\":\"NOT_FOUND\""), unknown::text);
        Download badLimit = admin.download("/api/admin/audit.csv?limit=0");
        assertEquals(400, badLimit.status());
        assertTrue(badLimit.text().contains("\"error\":\"VALIDATION_FAILED\""), badLimit::text);
        assertEquals(400, admin.download("/api/admin/audit.csv?showId=abc").status());
    }

    private static List<String> lines(Download csv) {
        return List.of(csv.text().split("\r\n"));
    }
}
