package dev.marquee.client.common.widgets;

import dev.marquee.client.common.format.Money;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** How a total is paid: cash tendered (with the change it leaves) or a card number. */
public final class PaymentForm {

    /** The simulator's card that always approves; prefilled so a test sale needs no typing. */
    public static final String APPROVING_TEST_CARD = "4242 4242 4242 4242";

    private final ObjectProperty<PaymentMethod> method;
    private final StringProperty tendered = new SimpleStringProperty(this, "tendered", "");
    private final StringProperty cardNumber = new SimpleStringProperty(this, "cardNumber", APPROVING_TEST_CARD);
    private final ReadOnlyStringWrapper changeDue = new ReadOnlyStringWrapper(this, "changeDue", "");
    private long totalCents;

    public PaymentForm(PaymentMethod initial) {
        method = new SimpleObjectProperty<>(this, "method", initial);
        tendered.addListener((property, before, now) -> recompute());
        method.addListener((property, before, now) -> recompute());
    }

    // Properties

    public ObjectProperty<PaymentMethod> methodProperty() {
        return method;
    }

    /** The cash handed over, as typed. */
    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty cardNumberProperty() {
        return cardNumber;
    }

    /** "Change due $5.00", or what is still missing, or "" when nothing useful can be said yet. */
    public ReadOnlyStringProperty changeDueProperty() {
        return changeDue.getReadOnlyProperty();
    }

    // Commands

    public void setTotalCents(long cents) {
        totalCents = cents;
        recompute();
    }

    /** Clears what was typed for the last payment; the card number goes back to the test card. */
    public void reset() {
        tendered.set("");
        cardNumber.set(APPROVING_TEST_CARD);
    }

    /** Why this payment cannot be sent for the total, or empty when it can. */
    public Optional<String> problem() {
        if (method.get() == PaymentMethod.CARD) {
            String digits = digits(cardNumber.get());
            return digits.matches("[0-9]{12,19}") ? Optional.empty()
                    : Optional.of("Type the card number (12 to 19 digits).");
        }
        Optional<Long> cash = Money.parse(tendered.get());
        if (cash.isEmpty()) {
            return Optional.of("Type the cash tendered, for example 50 or 42.50.");
        }
        if (cash.get() < totalCents) {
            return Optional.of("The cash tendered is " + Money.format(totalCents - cash.get()) + " short of the total.");
        }
        return Optional.empty();
    }

    /** The contract's payment; call only when {@link #problem()} is empty. */
    public Payment payment() {
        return method.get() == PaymentMethod.CARD
                ? new Payment(PaymentMethod.CARD, digits(cardNumber.get()), null)
                : new Payment(PaymentMethod.CASH, null, Money.parse(tendered.get()).orElseThrow());
    }

    private void recompute() {
        Optional<Long> cash = Money.parse(tendered.get());
        if (method.get() != PaymentMethod.CASH || cash.isEmpty() || totalCents == 0) {
            changeDue.set("");
        } else if (cash.get() >= totalCents) {
            changeDue.set("Change due " + Money.format(cash.get() - totalCents));
        } else {
            changeDue.set(Money.format(totalCents - cash.get()) + " short");
        }
    }

    private static String digits(String typed) {
        return typed == null ? "" : typed.replaceAll("[ -]", "");
    }
}
