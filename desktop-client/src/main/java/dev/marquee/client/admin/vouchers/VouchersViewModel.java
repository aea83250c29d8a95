package dev.marquee.client.admin.vouchers;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.format.VoucherPrices;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherRequest;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.model.catalog.TierPrice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * The picked show's vouchers: listed with their tiers, window and uses, made (for some tiers or every one, in a
 * window or at any time), and turned off or on again.
 */
public final class VouchersViewModel implements ShowTool {

    private static final int MAX_AMOUNT_CENTS = 10_000_000;

    /** The vouchers and the show's tiers, read together so that a voucher's tiers are named. */
    private record Loaded(List<VoucherView> vouchers, List<TierPrice> tiers) {
    }

    private final ObservableList<VoucherRow> vouchers = FXCollections.observableArrayList();
    private final ObservableList<TierChoice> tiers = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ObjectProperty<VoucherKind> kind = new SimpleObjectProperty<>(this, "kind", VoucherKind.PERCENT);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty maxUses = new SimpleStringProperty(this, "maxUses", "");
    private final VoucherWindow window;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private ShowRow show;

    public VouchersViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.window = new VoucherWindow(times.zone());
    }

    // Properties

    public ObservableList<VoucherRow> vouchers() {
        return vouchers;
    }

    /** The show's tiers to tick, hidden ones too; none ticked means every tier. */
    public ObservableList<TierChoice> tiers() {
        return tiers;
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

    /** From and until, in the user's zone. */
    public VoucherWindow window() {
        return window;
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

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        show = picked;
        vouchers.clear();
        tiers.clear();
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
        tasks.run(() -> new Loaded(api.admin().vouchers(target.showId()), api.show(target.showId()).tiers()),
                found -> {
                    busy.set(false);
                    if (show == target) {
                        showTiers(found.tiers());
                        Map<Long, String> labels = labels();
                        vouchers.setAll(found.vouchers().stream().map(v -> VoucherRow.of(v, labels, times)).toList());
                    }
                }, failure -> {
                    busy.set(false);
                    errorMessage.set(Failures.describe(failure));
                });
    }

    /** Makes a voucher of the form: code, kind, value, uses, the tiers ticked (none: every tier) and its window. */
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
        List<Long> tierIds = ticked().stream().map(TierChoice::tierId).toList();
        VoucherRequest request = new VoucherRequest(code.get().strip(), chosen, amount,
                tierIds.isEmpty() ? null : tierIds, Integer.parseInt(maxUses.get().strip()), window.from(),
                window.until());
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.admin().createVoucher(target.showId(), request), made -> {
            busy.set(false);
            message.set(made(made));
            code.set("");
            value.set("");
            maxUses.set("");
            tiers.forEach(tier -> tier.chosenProperty().set(false));
            window.clear();
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

    /** The kinds as the form offers them. */
    public static List<VoucherKind> kinds() {
        return List.of(VoucherKind.values());
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
        if (kind.get() == VoucherKind.AMOUNT) {
            Optional<Long> cents = Money.parse(typedValue);
            if (cents.filter(off -> off > 0).isEmpty()) {
                return Optional.of("Type the amount off each ticket, such as 5.00.");
            }
            if (cents.get() > MAX_AMOUNT_CENTS) {
                return Optional.of("The amount off each ticket is at most " + Money.format(MAX_AMOUNT_CENTS) + ".");
            }
        }
        String uses = maxUses.get() == null ? "" : maxUses.get().strip();
        if (!uses.matches("[0-9]{1,6}") || Integer.parseInt(uses) < 1 || Integer.parseInt(uses) > 100_000) {
            return Optional.of("Type how many uses the voucher gives, 1 to 100,000.");
        }
        return unlockProblem().or(window::problem);
    }

    /**
     * The server takes an unlock voucher for any tiers (none named: it opens every hidden tier), but one that opens
     * nothing is a mistake: the show needs a hidden tier, and the tiers ticked must include one.
     */
    private Optional<String> unlockProblem() {
        if (kind.get() != VoucherKind.UNLOCK) {
            return Optional.empty();
        }
        if (tiers.stream().noneMatch(TierChoice::hidden)) {
            return Optional.of("This show has no hidden tier for an unlock voucher to open: make one in Tiers & sale.");
        }
        List<TierChoice> ticked = ticked();
        return !ticked.isEmpty() && ticked.stream().noneMatch(TierChoice::hidden)
                ? Optional.of("An unlock voucher opens hidden tiers: tick the hidden tiers it opens, or none for"
                        + " every hidden tier.")
                : Optional.empty();
    }

    /** The show's tiers to tick, in its order; a tier ticked before a reload stays ticked. */
    private void showTiers(List<TierPrice> listed) {
        Set<Long> wasTicked = ticked().stream().map(TierChoice::tierId).collect(Collectors.toSet());
        tiers.setAll(listed.stream().map(tier -> {
            TierChoice choice = new TierChoice(tier.id(), tier.name(), Boolean.TRUE.equals(tier.hidden()));
            choice.chosenProperty().set(wasTicked.contains(tier.id()));
            return choice;
        }).toList());
    }

    private List<TierChoice> ticked() {
        return tiers.stream().filter(tier -> tier.chosenProperty().get()).toList();
    }

    private Map<Long, String> labels() {
        Map<Long, String> labels = new LinkedHashMap<>();
        tiers.forEach(tier -> labels.put(tier.tierId(), tier.label()));
        return labels;
    }

    /** "Made FIVER: $5.00 off each ticket, 20 uses.", with its tiers and window when it has them. */
    private String made(VoucherView made) {
        String window = VoucherRow.window(made.validFrom(), made.validUntil(), times);
        boolean open = made.validFrom() == null || made.validUntil() == null;
        return "Made " + made.code() + ": " + VoucherPrices.describe(made).toLowerCase(Locale.ROOT) + ", "
                + made.maxUses() + " uses"
                + (made.tierIds() == null ? "" : ", for " + VoucherRow.tiers(made.tierIds(), labels()))
                + (made.validFrom() == null && made.validUntil() == null ? ""
                        // "From …" and "Until …" go lower case mid-sentence; "… to …" starts with a date.
                        : ", valid " + (open ? window.substring(0, 1).toLowerCase(Locale.ROOT) + window.substring(1)
                                : window))
                + ".";
    }
}
