package dev.marquee.model.admin;

import java.util.List;

public record VenueRequest(String name, List<SectionRequest> sections) {
}
