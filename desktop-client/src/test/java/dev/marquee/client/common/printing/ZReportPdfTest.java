package dev.marquee.client.common.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ZReportPdfTest {

    @Test
    void aZReportSavedAsPdfHasEveryFigureOnItsLabelsLine() throws Exception {
        ZReport report = new ZReport(List.of(
                new ZReport.Row("Opened", "Today, 09:00"),
                new ZReport.Row("Closed", "Today, 17:30"),
                new ZReport.Row("Opening float", "$200.00"),
                new ZReport.Row("Cash sales", "$1,250.00"),
                new ZReport.Row("Cash refunds", "-$25.00"),
                new ZReport.Row("Expected cash", "$1,425.00"),
                new ZReport.Row("Counted cash", "$1,420.00"),
                new ZReport.Row("Variance", "-$5.00 short"),
                new ZReport.Row("Tickets sold", "52")));

        PdfText pdf = PdfText.read(ZReportPdf.of(report));

        assertEquals(1, pdf.pages());
        assertTrue(pdf.text().startsWith("Z-report"), pdf.text());
        for (ZReport.Row row : report.rows()) {
            assertTrue(Pattern.compile(Pattern.quote(row.label()) + "[ \\t]+" + Pattern.quote(row.figure()))
                    .matcher(pdf.text()).find(), row + " in:\n" + pdf.text());
        }
    }
}
