package dev.marquee.model.admin;

import java.util.List;

public record VenueView(long id, String name, int capacity, List<VenueSeat> seats) {
}
