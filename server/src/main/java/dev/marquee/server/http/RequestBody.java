package dev.marquee.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.marquee.server.error.ApiException;
import java.util.stream.Collectors;

/** A parsed JSON request body; {@link #as} turns it into a request record, strictly. */
public record RequestBody(JsonNode json, ObjectMapper mapper) {

    public <T> T as(Class<T> type) {
        if (!json.isObject()) {
            throw ApiException.validation("The request body must be a JSON object.");
        }
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw ApiException.validation(describe(e));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("The request body has a value of the wrong type.");
        }
    }

    /** Names the field and what was wrong with it, without leaking class names. */
    private static String describe(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? mismatch.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        String problem = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()
                ? "is not one of the allowed values"
                : e.getOriginalMessage() != null && e.getOriginalMessage().contains("out of range")
                        ? "is out of range"
                        : "has the wrong type";
        return field == null
                ? "The request body has a value of the wrong type or out of range."
                : "Field '" + field + "' " + problem + ".";
    }
}
