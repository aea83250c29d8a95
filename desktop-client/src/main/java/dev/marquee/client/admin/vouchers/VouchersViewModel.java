package dev.marquee.client.admin.vouchers;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.VoucherPrices;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherRequest;
import dev.marquee.model.admin.VoucherView;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The picked show's vouchers: listed with their uses, made, and turned off or on again. */
public final class VouchersViewModel implements ShowTool {

    /** One voucher, worded for a table. */
    public record VoucherRow(long id, String code, String gives, String uses, String state, boolean disabled) {
    }

    private final ObservableList<VoucherRow> vouchers = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ObjectProperty<VoucherKind> kind = new SimpleObjectProperty<>(this, "kind", VoucherKind.PERCENT);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty maxUses = new SimpleStringProperty(this, "maxUses", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private ShowRow show;

    public VouchersViewModel(ServerApi api, TaskExecutor tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    public ObservableList<VoucherRow> vouchers() {
        return vouchers;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<VoucherKind> kindProperty() {
        return kind;
    }

    /** Percent (1 to 100) or dollars off each ticket; nothing for an UNLOCK voucher. */
    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty maxUsesProperty() {
        return maxUses;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void showPicked(ShowRow picked) {
        show = picked;
        vouchers.clear();
        errorMessage.set("");
        message.set("");
        refresh();
    }

    public void refresh() {
        ShowRow target = show;
        if (target == null) {
            return;
        }
        busy.set(true);
        tasks.run(() -> api.admin().vouchers(target.showId()), found -> {
            busy.set(false);
            if (show == target) {
                vouchers.setAll(found.stream().map(VouchersViewModel::row).toList());
            }
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    /** Makes a voucher of the form's code, kind, value and uses, for every tier of the show. */
    public void create() {
        ShowRow target = show;
        if (target == null || busy.get()) {
            return;
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            errorMessage.set(problem.get());
            message.set("");
            return;
        }
        VoucherKind chosen = kind.get();
        Integer amount = switch (chosen) {
            case PERCENT -> Integer.parseInt(value.get().strip());
            case AMOUNT -> Money.parse(value.get()).orElseThrow().intValue();
            case UNLOCK -> null;
        };
        VoucherRequest request = new VoucherRequest(code.get().strip(), chosen, amount, null,
                Integer.parseInt(maxUses.get().strip()), null, null);
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.admin().createVoucher(target.showId(), request), made -> {
            busy.set(false);
            message.set("Made " + made.code() + ": " + VoucherPrices.describe(made).toLowerCase(java.util.Locale.ROOT)
                    + ", " + made.maxUses() + " uses.");
            code.set("");
            value.set("");
            maxUses.set("");
            refresh();
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    /** Turns the voucher off, or on again if it is off. */
    public void toggle(VoucherRow row) {
        ShowRow target = show;
        if (target == null || row == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> api.admin().setVoucherDisabled(target.showId(), row.id(), !row.disabled()), changed -> {
            busy.set(false);
            message.set(changed.code() + (changed.disabled() ? " is off: sales refuse it." : " is on again."));
            refresh();
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    private Optional<String> problem() {
        String typedCode = code.get() == null ? "" : code.get().strip();
        if (!typedCode.matches("[A-Za-z0-9_-]{1,40}")) {
            return Optional.of("Type a code of letters, digits, '-' or '_' (up to 40).");
        }
        String typedValue = value.get() == null ? "" : value.get().strip();
        if (kind.get() == VoucherKind.PERCENT && !(typedValue.matches("[0-9]{1,3}")
                && Integer.parseInt(typedValue) >= 1 && Integer.parseInt(typedValue) <= 100)) {
            return Optional.of("Type the percentage off, 1 to 100.");
        }
        if (kind.get() == VoucherKind.AMOUNT && Money.parse(typedValue).filter(cents -> cents > 0).isEmpty()) {
            return Optional.of("Type the amount off each ticket, such as 5.00.");
        }
        String uses = maxUses.get() == null ? "" : maxUses.get().strip();
        if (!uses.matches("[0-9]{1,6}") || Integer.parseInt(uses) < 1 || Integer.parseInt(uses) > 100_000) {
            return Optional.of("Type how many uses the voucher gives, 1 to 100,000.");
        }
        return Optional.empty();
    }

    private static VoucherRow row(VoucherView voucher) {
        return new VoucherRow(voucher.id(), voucher.code(), VoucherPrices.describe(voucher),
                voucher.uses() + " of " + voucher.maxUses(), voucher.disabled() ? "Off" : "On", voucher.disabled());
    }

    /** The kinds as the form offers them. */
    public static List<VoucherKind> kinds() {
        return List.of(VoucherKind.values());
    }
}
