package dev.marquee.client.common.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentFormTest {

    private final PaymentForm form = new PaymentForm(PaymentMethod.CASH);

    @Test
    void cashTenderedShowsTheChangeDue() {
        form.setTotalCents(5000);

        form.tenderedProperty().set("60");

        assertEquals("Change due $10.00", form.changeDueProperty().get());
        assertEquals(Optional.empty(), form.problem());
        assertEquals(new Payment(PaymentMethod.CASH, null, 6000L), form.payment());
    }

    @Test
    void tooLittleCashSaysHowMuchIsMissing() {
        form.setTotalCents(5000);

        form.tenderedProperty().set("45.50");

        assertEquals("$4.50 short", form.changeDueProperty().get());
        assertEquals(Optional.of("The cash tendered is $4.50 short of the total."), form.problem());
    }

    @Test
    void cardIsPrefilledWithTheApprovingTestCardAndSentAsDigits() {
        form.methodProperty().set(PaymentMethod.CARD);
        form.setTotalCents(5000);

        assertEquals(Optional.empty(), form.problem());
        assertEquals(new Payment(PaymentMethod.CARD, "4242424242424242", null), form.payment());
        assertEquals("", form.changeDueProperty().get());
    }

    @Test
    void shortCardNumberIsAProblem() {
        form.methodProperty().set(PaymentMethod.CARD);
        form.cardNumberProperty().set("4242");

        assertEquals(Optional.of("Type the card number (12 to 19 digits)."), form.problem());
    }
}
