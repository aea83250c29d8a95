package dev.marquee.client.admin.vouchers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.Json;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VouchersViewModelTest {

    private static final String PATH = "/api/admin/shows/21/vouchers";
    private static final ShowRow JAZZ = new ShowRow(21, 2, "Late Night Jazz", "Today, 20:30", "Riverside Hall",
            SeatingMode.GA, true);
    private static final String SPRING = """
            {"id":4,"showId":21,"code":"SPRING10","kind":"PERCENT","value":10,"tierIds":null,"maxUses":50,
             "uses":3,"validFrom":null,"validUntil":null,"disabled":false}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final VouchersViewModel vouchers = new VouchersViewModel(
            new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread());

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void aShowsVouchersAreListedWithTheirUses() {
        server.answer("GET", PATH, 200, "[" + SPRING + "]");

        vouchers.showPicked(JAZZ);

        assertEquals(List.of(new VouchersViewModel.VoucherRow(4, "SPRING10", "10 % off each ticket", "3 of 50", "On",
                false)), vouchers.vouchers());
    }

    @Test
    void aVoucherIsMadeFromTheFormAndABadOneIsNotSent() throws Exception {
        server.answer("GET", PATH, 200, "[]").answer("POST", PATH, 201, """
                {"id":5,"showId":21,"code":"FIVER","kind":"AMOUNT","value":500,"tierIds":null,"maxUses":20,
                 "uses":0,"validFrom":null,"validUntil":null,"disabled":false}""");
        vouchers.showPicked(JAZZ);

        vouchers.codeProperty().set("FIVER");
        vouchers.kindProperty().set(VoucherKind.AMOUNT);
        vouchers.valueProperty().set("abc");
        vouchers.maxUsesProperty().set("20");
        vouchers.create();
        assertEquals("Type the amount off each ticket, such as 5.00.", vouchers.errorMessageProperty().get());
        assertEquals(0, server.requests("POST", PATH).size());

        vouchers.valueProperty().set("5.00");
        vouchers.create();

        assertEquals(Json.newMapper().readTree("{\"code\":\"FIVER\",\"kind\":\"AMOUNT\",\"value\":500,\"maxUses\":20}"),
                Json.newMapper().readTree(server.requests("POST", PATH).getFirst().body()));
        assertEquals("Made FIVER: $5.00 off each ticket, 20 uses.", vouchers.messageProperty().get());
        assertEquals("", vouchers.codeProperty().get());
    }

    @Test
    void aVoucherIsTurnedOffAndOnAgain() throws Exception {
        server.answer("GET", PATH, 200, "[" + SPRING + "]")
                .answer("PATCH", PATH + "/4", 200, SPRING.replace("\"disabled\":false", "\"disabled\":true"));
        vouchers.showPicked(JAZZ);

        vouchers.toggle(vouchers.vouchers().getFirst());

        assertEquals(Json.newMapper().readTree("{\"disabled\":true}"),
                Json.newMapper().readTree(server.requests("PATCH", PATH + "/4").getFirst().body()));
        assertEquals("SPRING10 is off: sales refuse it.", vouchers.messageProperty().get());
    }
}
