package dev.marquee.model.catalog;

import java.util.List;

public record EventSummary(long id, String title, String description, List<ShowSummary> shows) {
}
