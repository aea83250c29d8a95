package dev.marquee.client.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.model.Json;
import dev.marquee.model.catalog.Availability;
import java.io.UncheckedIOException;

/** Reads availability JSON the way the client does, so tests start from the contract's text. */
public final class Availabilities {

    private Availabilities() {
    }

    public static Availability read(String json) {
        try {
            return Json.newMapper().readValue(json, Availability.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
